import { OutcomeMessage } from '../common/OutcomeMessage';
import { i18n } from '../common/i18n';
import { useEffect, useState, type FormEvent } from 'react';
import { sendMessage } from '../../utils/messaging/send-message-adapter';
import { MAX_RETENTION_DAYS } from '../../utils/policy/policy-document';
import { errorText } from './format-time';

/** The seller's retention period (1–28 days). Lowering it brings stored deletion dates forward (background). */
export function RetentionDaysForm({ current }: { current: number }) {
  const [days, setDays] = useState(String(current));
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  useEffect(() => setDays(String(current)), [current]);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setMessage(null);
    try {
      await sendMessage('settings/update', { retentionDays: Number(days) });
      setMessage({ ok: true, text: i18n.t('retention.days.saved') });
    } catch (err) {
      setMessage({ ok: false, text: errorText(err) });
    }
  }

  return (
    <form className="sv-retention-form" data-testid="retention-days-form" onSubmit={submit}>
      <label>
        {i18n.t('retention.days.label')}{' '}
        <input type="number" name="retentionDays" min={1} max={MAX_RETENTION_DAYS} step={1} required value={days} onChange={(e) => setDays(e.target.value)} />
      </label>{' '}
      <button type="submit">{i18n.t('retention.days.save')}</button>
      <p className="sv-muted">{i18n.t('retention.days.hint')}</p>
      <OutcomeMessage outcome={message} />
    </form>
  );
}
