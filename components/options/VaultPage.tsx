import { i18n } from '../common/i18n';
import { AutoLockSetting } from '../vault/AutoLockSetting';
import { ChangePassphraseForm } from '../vault/ChangePassphraseForm';
import { LockButton } from '../vault/LockButton';
import { PassphraseSetupForm } from '../vault/PassphraseSetupForm';
import { ResetVaultForm } from '../vault/ResetVaultForm';
import { UnlockForm } from '../vault/UnlockForm';
import { useVault } from '../vault/use-vault';
import { vaultErrorMessage } from '../vault/vault-error-message';
import '../vault/vault.css';

/** Options › Vault & lock: set-up, unlock/lock, auto-lock, passphrase change, reset. */
export function VaultPage() {
  const { data: status, error } = useVault();
  return (
    <section data-testid="VaultPage">
      <h2>{i18n.t('vault.title')}</h2>
      <p className="sv-muted">{i18n.t('vault.intro')}</p>
      {error && <p className="sv-error">{vaultErrorMessage(error)}</p>}
      {status && (
        <>
          <p data-testid="vault-state" data-state={status.state}>
            <strong>{i18n.t(`vault.state.${status.state}`)}</strong>
            {status.state === 'locked' && (
              <>
                {' · '}
                <span data-testid="sealed-waiting">{i18n.t('vault.sealedWaiting', status.sealedCount)}</span>
              </>
            )}
          </p>
          {status.state === 'uninitialized' && <PassphraseSetupForm />}
          {status.state === 'locked' && <UnlockForm backoffUntil={status.backoffUntil} />}
          {status.state === 'unlocked' && (
            <div className="sv-vault-inline">
              <LockButton />
              <span className="sv-muted">{i18n.t('vault.unlockedNote')}</span>
            </div>
          )}
          {status.setUp && (
            <>
              <AutoLockSetting minutes={status.autoLockMinutes} />
              <div className="sv-vault-section">
                <ChangePassphraseForm />
              </div>
              <div className="sv-vault-section">
                <ResetVaultForm />
              </div>
            </>
          )}
        </>
      )}
    </section>
  );
}
