import { useState } from 'react';
import { i18n } from '../common/i18n';
import { AutoLockSetting } from '../vault/AutoLockSetting';
import { ChangePassphraseForm } from '../vault/ChangePassphraseForm';
import { LockButton } from '../vault/LockButton';
import { PassphraseSetupForm } from '../vault/PassphraseSetupForm';
import { PasskeySettings } from '../vault/PasskeySettings';
import { PasskeyUnlockButton } from '../vault/PasskeyUnlockButton';
import { ResetVaultForm } from '../vault/ResetVaultForm';
import { UnlockForm } from '../vault/UnlockForm';
import { useVault } from '../vault/use-vault';
import { vaultErrorMessage } from '../vault/vault-error-message';
import '../vault/vault.css';

/** The popup sends the seller here to unlock with a passkey: `#vault?passkey=unlock`. */
function openedForPasskeyUnlock(): boolean {
  const wanted = new URLSearchParams(location.hash.split('?')[1] ?? '').get('passkey') === 'unlock';
  // Once: a reload of this tab does not start the ceremony again.
  if (wanted) history.replaceState(null, '', `${location.pathname}${location.search}#vault`);
  return wanted;
}

/** Options › Vault & lock: set-up, unlock (passphrase or passkey)/lock, passkeys, auto-lock, passphrase change, reset. */
export function VaultPage() {
  const { data: status, error } = useVault();
  const [passkeyRequested, setPasskeyRequested] = useState(openedForPasskeyUnlock);
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
          {status.state === 'locked' && (
            <>
              {status.passkeyCount > 0 && <PasskeyUnlockButton autoStart={passkeyRequested} onAutoStarted={() => setPasskeyRequested(false)} />}
              <UnlockForm backoffUntil={status.backoffUntil} />
            </>
          )}
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
                <PasskeySettings state={status.state} />
              </div>
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
