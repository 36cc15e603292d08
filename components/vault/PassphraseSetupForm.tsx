import { i18n } from '../common/i18n';
import { useState, type FormEvent } from 'react';
import { sendMessage } from '../../utils/messaging/send-message-adapter';
import { estimatePassphraseStrength } from '../../utils/vault/passphrase-strength';
import { StrengthMeter } from './StrengthMeter';
import { vaultErrorMessage } from './vault-error-message';

/** First run: choose the passphrase (strength-checked, confirmed); the background creates the keys. */
export function PassphraseSetupForm() {
  const [passphrase, setPassphrase] = useState('');
  const [confirm, setConfirm] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const strongEnough = estimatePassphraseStrength(passphrase).acceptable;
  const matches = passphrase === confirm;

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!strongEnough || !matches) return;
    setBusy(true);
    setError(null);
    try {
      await sendMessage('vault/setup', { passphrase });
    } catch (err) {
      setError(vaultErrorMessage(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="sv-vault-form" data-testid="vault-setup-form" onSubmit={submit}>
      <h3>{i18n.t('vault.setup.heading')}</h3>
      <p className="sv-muted">{i18n.t('vault.setup.help')}</p>
      <label>
        {i18n.t('vault.passphrase')}
        <input type="password" name="new-passphrase" autoComplete="new-password" value={passphrase} onChange={(e) => setPassphrase(e.target.value)} />
      </label>
      <StrengthMeter passphrase={passphrase} />
      <label>
        {i18n.t('vault.setup.confirm')}
        <input type="password" name="confirm-passphrase" autoComplete="new-password" value={confirm} onChange={(e) => setConfirm(e.target.value)} />
      </label>
      {confirm && !matches && <div className="sv-error">{i18n.t('vault.setup.mismatch')}</div>}
      <button type="submit" className="primary" disabled={busy || !strongEnough || !matches}>
        {busy ? i18n.t('vault.setup.working') : i18n.t('vault.setup.submit')}
      </button>
      {error && (
        <div className="sv-error" role="alert">
          {error}
        </div>
      )}
    </form>
  );
}
