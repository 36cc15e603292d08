import { OutcomeMessage } from '../common/OutcomeMessage';
import { useState } from 'react';
import { countOf, i18n } from '../common/i18n';
import { MessageError } from '../../utils/messaging/envelope';
import { sendMessage } from '../../utils/messaging/send-message-adapter';

/** After an export: the seller confirms these orders left (starts the 28-day clock where unset). */
export function MarkShippedButton({ orderSns }: { orderSns: string[] }) {
  const [result, setResult] = useState<{ ok: boolean; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const mark = async () => {
    setBusy(true);
    try {
      const reply = await sendMessage('orders/mark-shipped', { orderSns });
      setResult({ ok: true, text: i18n.t('export.markShipped.done', [countOf('orders', reply.marked.length), countOf('orders', reply.alreadyShipped.length)]) });
    } catch (err) {
      setResult({ ok: false, text: err instanceof MessageError ? err.message : String(err) });
    } finally {
      setBusy(false);
    }
  };
  return (
    <span className="sv-mark-shipped">
      <button type="button" onClick={mark} disabled={busy || orderSns.length === 0 || result?.ok === true} data-testid="mark-shipped-button">
        {i18n.t('export.markShipped.button')}
      </button>
      <OutcomeMessage outcome={result} inline />
    </span>
  );
}
