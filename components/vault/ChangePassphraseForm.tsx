import { OutcomeMessage } from '../common/OutcomeMessage';
import { i18n } from '../common/i18n';
import { useState, type FormEvent } from 'react';
import { sendMessage } from '../../utils/messaging/send-message-adapter';
import { useAction } from '../common/use-action';
import { estimatePassphraseStrength } from '../../utils/vault/passphrase-strength';
import { StrengthMeter } from './StrengthMeter';
import { vaultErrorMessage } from './vault-error-message';

/** Re-wraps the vault keys under a new passphrase (stored records are not re-encrypted). */
export function ChangePassphraseForm() {
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [confirm, setConfirm] = useState('');
  const { busy, message, run } = useAction(vaultErrorMessage);
  const ready = current.length > 0 && next === confirm && estimatePassphraseStrength(next).acceptable;

  function submit(event: FormEvent) {
    event.preventDefault();
    void run(async () => {
      await sendMessage('vault/change-passphrase', { current, next });
      setCurrent('');
      setNext('');
      setConfirm('');
      return i18n.t('vault.change.done');
    });
  }

  return (
    <form className="sv-vault-form" data-testid="change-passphrase-form" onSubmit={submit}>
      <h3>{i18n.t('vault.change.heading')}</h3>
      <label>
        {i18n.t('vault.change.current')}
        <input type="password" name="current-passphrase" autoComplete="current-password" value={current} onChange={(e) => setCurrent(e.target.value)} />
      </label>
      <label>
        {i18n.t('vault.change.next')}
        <input type="password" name="next-passphrase" autoComplete="new-password" value={next} onChange={(e) => setNext(e.target.value)} />
      </label>
      <StrengthMeter passphrase={next} />
      <label>
        {i18n.t('vault.setup.confirm')}
        <input type="password" name="confirm-next-passphrase" autoComplete="new-password" value={confirm} onChange={(e) => setConfirm(e.target.value)} />
      </label>
      {confirm && next !== confirm && <div className="sv-error">{i18n.t('vault.setup.mismatch')}</div>}
      <button type="submit" disabled={busy || !ready}>
        {i18n.t('vault.change.submit')}
      </button>
      <OutcomeMessage outcome={message} />
    </form>
  );
}
