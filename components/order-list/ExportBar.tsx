import { OutcomeMessage } from '../common/OutcomeMessage';
import { useState } from 'react';
import { i18n } from '#i18n';
import type { ExportFormat } from '../../utils/export/shipment-label';
import { MessageError } from '../../utils/messaging/envelope';
import { MAX_EXPORT_ORDERS } from '../../utils/orders/orders-messages';
import { sendMessage } from '../../utils/messaging/send-message-adapter';
import { openExportPage } from '../export-pipeline/export-page-adapter';
import { exportFormatText, FORMAT_MENU } from '../export-pipeline/export-format-text';

/** Format picker, Export and Mark shipped for the ticked orders. */
export function ExportBar({ selected, unlocked, onDone }: { selected: ReadonlySet<string>; unlocked: boolean; onDone: () => void }) {
  const [format, setFormat] = useState<ExportFormat>('pdf-4x6');
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const count = selected.size;
  const tooMany = count > MAX_EXPORT_ORDERS;

  const exportSelected = async () => {
    setMessage(null);
    await openExportPage({ orderSns: [...selected], format });
  };

  const markShipped = async () => {
    setMessage(null);
    try {
      const reply = await sendMessage('orders/mark-shipped', { orderSns: [...selected] });
      setMessage({ ok: true, text: i18n.t('export.markShipped.done', [String(reply.marked.length), String(reply.alreadyShipped.length)]) });
      onDone();
    } catch (err) {
      setMessage({ ok: false, text: err instanceof MessageError ? err.message : String(err) });
    }
  };

  return (
    <div className="sv-export-bar">
      <select value={format} onChange={(e) => setFormat(e.target.value as ExportFormat)} aria-label={i18n.t('export.bar.format')} data-testid="export-format">
        {FORMAT_MENU.map((f) => (
          <option key={f} value={f}>
            {exportFormatText(f)}
          </option>
        ))}
      </select>
      <button type="button" className="primary" disabled={count === 0 || tooMany || !unlocked} onClick={exportSelected} data-testid="export-button">
        {i18n.t('export.bar.export', [String(count)])}
      </button>
      <button type="button" disabled={count === 0 || tooMany} onClick={markShipped} data-testid="mark-shipped-button">
        {i18n.t('export.markShipped.button')}
      </button>
      {!unlocked && count > 0 && <span className="sv-muted">{i18n.t('export.bar.unlockFirst')}</span>}
      {tooMany && <span className="sv-error">{i18n.t('export.bar.tooMany', [String(MAX_EXPORT_ORDERS)])}</span>}
      <OutcomeMessage outcome={message} inline />
    </div>
  );
}
