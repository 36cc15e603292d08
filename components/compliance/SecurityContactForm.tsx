import { i18n } from '../common/i18n';
import { sendMessage } from '../../utils/messaging/send-message-adapter';
import { OutcomeMessage } from '../common/OutcomeMessage';
import { useAction } from '../common/use-action';
import { useBackground } from '../common/use-background';
import { useDraft } from '../common/use-draft';
import { errorText } from '../retention/format-time';

/** The marketplace security contact incident reports go to. */
export function SecurityContactForm() {
  const stored = useBackground('incidents/contact', {});
  const [email, setEmail] = useDraft(stored.data?.email);
  const { busy, message, run } = useAction(errorText);
  return (
    <form
      data-testid="security-contact-form"
      className="sv-vault-inline"
      onSubmit={(e) => {
        e.preventDefault();
        void run(async () => {
          // The field shows what was stored (trimmed), not what was typed.
          setEmail((await sendMessage('incidents/contact', { email: email.trim() })).email);
          return i18n.t('incidents.contact.saved');
        });
      }}
    >
      <label>
        {i18n.t('incidents.contact.label')}
        <input type="email" name="securityContact" value={email} onChange={(e) => setEmail(e.target.value)} />
      </label>
      <button type="submit" disabled={busy}>
        {i18n.t('incidents.contact.save')}
      </button>
      <OutcomeMessage outcome={message} inline />
    </form>
  );
}
