import { i18n } from '../common/i18n';
import { extensionPageUrl } from './active-tab-adapter';
import { LockButton } from '../vault/LockButton';
import { UnlockForm } from '../vault/UnlockForm';
import { useVault } from '../vault/use-vault';
import { vaultErrorMessage } from '../vault/vault-error-message';
import '../vault/vault.css';

/** Popup lock panel: set-up hint, unlock form with the sealed count, or the lock button. */
export function VaultPanel() {
  const { data: status, error } = useVault();
  if (error) return <section className="sv-vault-panel sv-error">{vaultErrorMessage(error)}</section>;
  if (!status) return <section className="sv-vault-panel" data-testid="VaultPanel" />;
  return (
    <section className="sv-vault-panel" data-testid="VaultPanel" data-state={status.state}>
      {status.state === 'uninitialized' && (
        <div>
          <span>{i18n.t('vault.setupNeeded')}</span>{' '}
          <a href={extensionPageUrl('/options.html#vault')} target="_blank" rel="noreferrer">
            {i18n.t('vault.setupLink')}
          </a>
        </div>
      )}
      {status.state === 'locked' && (
        <>
          {status.passkeyCount > 0 && (
            // In a tab, not here: an OS passkey dialog (Windows Hello, Touch ID) takes focus, and a
            // popup that loses focus closes, ending the ceremony (docs/decisions.md).
            <a className="sv-button-link" data-testid="passkey-unlock-link" href={extensionPageUrl('/options.html#vault?passkey=unlock')} target="_blank" rel="noreferrer">
              {i18n.t('vault.passkey.unlockInTab')}
            </a>
          )}
          <UnlockForm backoffUntil={status.backoffUntil} />
          <span className="sv-muted" data-testid="sealed-waiting">
            {i18n.t('vault.sealedWaiting', status.sealedCount)}
          </span>
        </>
      )}
      {status.state === 'unlocked' && (
        <div className="sv-vault-inline">
          <strong>{i18n.t('vault.state.unlocked')}</strong>
          <LockButton />
        </div>
      )}
    </section>
  );
}
