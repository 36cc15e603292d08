import { formatTime, i18n } from '../common/i18n';
import { useState, type FormEvent } from 'react';
import { sendMessage } from '../../utils/messaging/send-message-adapter';
import { vaultErrorMessage } from './vault-error-message';

/** Passphrase → `vault/unlock`. The background answers one generic error for every wrong passphrase. */
export function UnlockForm({ backoffUntil }: { backoffUntil: number | null }) {
  const [passphrase, setPassphrase] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await sendMessage('vault/unlock', { passphrase });
      setPassphrase('');
    } catch (err) {
      setError(vaultErrorMessage(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="sv-vault-inline" data-testid="unlock-form" onSubmit={submit}>
      <input
        type="password"
        name="passphrase"
        autoComplete="current-password"
        aria-label={i18n.t('vault.passphrase')}
        placeholder={i18n.t('vault.passphrase')}
        value={passphrase}
        onChange={(e) => setPassphrase(e.target.value)}
      />
      <button type="submit" className="primary" disabled={busy || !passphrase}>
        {busy ? i18n.t('vault.unlock.working') : i18n.t('vault.unlock.submit')}
      </button>
      {error && (
        <span className="sv-error" role="alert">
          {error}
        </span>
      )}
      {!error && backoffUntil != null && (
        <span className="sv-error" role="status">
          {i18n.t('vault.error.backoff', [formatTime(backoffUntil)])}
        </span>
      )}
    </form>
  );
}
