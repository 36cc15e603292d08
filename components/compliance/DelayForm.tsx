import { i18n } from '../common/i18n';
import { useState } from 'react';
import { delayEmail } from '../../utils/requests/request-email';
import type { RequestView } from '../../utils/requests/request-messages';
import { mailtoUrl } from '../../utils/incidents/incident-email';
import { sendMessage } from '../../utils/messaging/send-message-adapter';
import { OutcomeMessage } from '../common/OutcomeMessage';
import { useAction } from '../common/use-action';
import { errorText } from '../retention/format-time';
import { fromLocalInput, localInputValue } from './local-time-input';

/** A deadline cannot be met: record the reason and new time, then tell the buyer (copy or mailto:). */
export function DelayForm({ request, contact }: { request: RequestView; contact: string | null }) {
  const [reason, setReason] = useState('');
  const [newAt, setNewAt] = useState(() => localInputValue((request.working?.dueAt ?? Date.now()) + 24 * 3_600_000));
  const [mail, setMail] = useState<{ subject: string; body: string } | null>(null);
  const { busy, message, run } = useAction(errorText);
  return (
    <form
      data-testid="delay-form"
      className="sv-form"
      onSubmit={(e) => {
        e.preventDefault();
        void run(async () => {
          const newExpectedAt = fromLocalInput(newAt);
          await sendMessage('requests/delay', { id: request.id, reason, newExpectedAt });
          setMail(delayEmail({ kind: request.kind, receivedAt: request.receivedAt, reason, newExpectedAt }));
          return i18n.t('requests.delay.recorded');
        });
      }}
    >
      <label>
        {i18n.t('requests.delay.reason')}
        <input name="reason" required maxLength={1000} value={reason} onChange={(e) => setReason(e.target.value)} />
      </label>
      <label>
        {i18n.t('requests.delay.newAt')}
        <input type="datetime-local" name="newExpectedAt" required value={newAt} onChange={(e) => setNewAt(e.target.value)} />
      </label>
      <button type="submit" disabled={busy}>
        {i18n.t('requests.delay.submit')}
      </button>
      <OutcomeMessage outcome={message} />
      {mail && (
        <div data-testid="delay-email">
          <textarea readOnly value={`${mail.subject}\n\n${mail.body}`} rows={8} />
          <button type="button" onClick={() => void navigator.clipboard.writeText(`${mail.subject}\n\n${mail.body}`)}>
            {i18n.t('compliance.copy')}
          </button>
          <a href={mailtoUrl(contact ?? '', mail.subject, mail.body)}>{i18n.t('compliance.mailto')}</a>
        </div>
      )}
    </form>
  );
}
