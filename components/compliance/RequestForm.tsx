import { i18n } from '../common/i18n';
import { useState } from 'react';
import { REQUEST_KINDS, type RequestKind } from '../../utils/requests/request-deadlines';
import { sendMessage } from '../../utils/messaging/send-message-adapter';
import { OutcomeMessage } from '../common/OutcomeMessage';
import { useAction } from '../common/use-action';
import { errorText } from '../retention/format-time';
import { fromLocalInput, localInputValue } from './local-time-input';

/** Records a buyer's request received by email; contact and details are sealed at once. */
export function RequestForm() {
  const [kind, setKind] = useState<RequestKind>('access');
  const [receivedAt, setReceivedAt] = useState(() => localInputValue(Date.now()));
  const [contact, setContact] = useState('');
  const [details, setDetails] = useState('');
  const { busy, message, run } = useAction(errorText);
  return (
    <form
      data-testid="request-form"
      className="sv-form"
      onSubmit={(e) => {
        e.preventDefault();
        void run(async () => {
          const view = await sendMessage('requests/record', { kind, receivedAt: fromLocalInput(receivedAt), contact, details });
          setContact('');
          setDetails('');
          return i18n.t('requests.recorded', [String(view.id)]);
        });
      }}
    >
      <label>
        {i18n.t('requests.form.kind')}
        <select name="kind" value={kind} onChange={(e) => setKind(e.target.value as RequestKind)}>
          {REQUEST_KINDS.map((k) => (
            <option key={k} value={k}>
              {i18n.t(`requests.kind.${k}`)}
            </option>
          ))}
        </select>
      </label>
      <label>
        {i18n.t('requests.form.receivedAt')}
        <input type="datetime-local" name="receivedAt" required value={receivedAt} onChange={(e) => setReceivedAt(e.target.value)} />
      </label>
      <label>
        {i18n.t('requests.form.contact')}
        <input name="contact" required maxLength={320} value={contact} onChange={(e) => setContact(e.target.value)} />
      </label>
      <label>
        {i18n.t('requests.form.details')}
        <textarea name="details" maxLength={2000} value={details} onChange={(e) => setDetails(e.target.value)} />
      </label>
      <button type="submit" disabled={busy}>
        {i18n.t('requests.form.submit')}
      </button>
      <OutcomeMessage outcome={message} />
    </form>
  );
}
