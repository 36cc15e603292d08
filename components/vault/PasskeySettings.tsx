import { useState, type FormEvent } from 'react';
import { formatDate, i18n } from '../common/i18n';
import { OutcomeMessage } from '../common/OutcomeMessage';
import { useAction } from '../common/use-action';
import { sendMessage } from '../../utils/messaging/send-message-adapter';
import type { VaultState } from '../../utils/vault/vault-state';
import { createVaultPasskey } from './passkey-ceremony-adapter';
import { passkeyErrorMessage } from './passkey-error-message';
import { usePasskeys } from './use-vault';
import { vaultErrorMessage } from './vault-error-message';

const addError = (err: unknown) => passkeyErrorMessage(err, 'add');

/**
 * Options › Vault › Passkeys: the list (remove one), and "Add a passkey", which asks for the
 * passphrase again (decisions.md: a thief at an unlocked vault must not plant a lasting way in).
 * Adding and removing need the vault unlocked; the list shows while locked too.
 */
export function PasskeySettings({ state }: { state: VaultState }) {
  const { data } = usePasskeys();
  const [label, setLabel] = useState('');
  const [passphrase, setPassphrase] = useState('');
  const add = useAction(addError);
  const remove = useAction(vaultErrorMessage);
  const passkeys = data?.passkeys ?? [];
  const full = data != null && passkeys.length >= data.max;
  const unlocked = state === 'unlocked';

  function submit(event: FormEvent) {
    event.preventDefault();
    void add.run(async () => {
      const created = await createVaultPasskey({ userName: i18n.t('extName'), excludeCredentialIds: passkeys.map((p) => p.credentialId) });
      await sendMessage('vault/passkey-add', { passphrase, label: label.trim() || i18n.t('vault.passkey.labelDefault', [String(passkeys.length + 1)]), ...created });
      setLabel('');
      setPassphrase('');
      return i18n.t('vault.passkey.added');
    });
  }

  return (
    <section className="sv-vault-form" data-testid="passkey-settings" aria-labelledby="sv-passkeys-heading">
      <h3 id="sv-passkeys-heading">{i18n.t('vault.passkey.heading')}</h3>
      <p className="sv-muted">{i18n.t('vault.passkey.intro')}</p>
      {passkeys.length === 0 ? (
        <p data-testid="passkey-none">{i18n.t('vault.passkey.none')}</p>
      ) : (
        <ul data-testid="passkey-list">
          {passkeys.map((p) => (
            <li key={p.id} data-testid="passkey-item" className="sv-vault-inline">
              <strong>{p.label}</strong>
              <span className="sv-muted">
                {i18n.t('vault.passkey.created', [formatDate(p.createdAt)])} ·{' '}
                {p.lastUsedAt != null ? i18n.t('vault.passkey.lastUsed', [formatDate(p.lastUsedAt)]) : i18n.t('vault.passkey.neverUsed')}
              </span>
              {unlocked && (
                <button
                  type="button"
                  disabled={remove.busy}
                  aria-label={i18n.t('vault.passkey.removeLabel', [p.label])}
                  onClick={() =>
                    void remove.run(async () => {
                      await sendMessage('vault/passkey-remove', { id: p.id });
                      return i18n.t('vault.passkey.removed');
                    })
                  }
                >
                  {i18n.t('vault.passkey.remove')}
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      <OutcomeMessage outcome={remove.message} />
      {!unlocked && <p className="sv-muted">{i18n.t('vault.passkey.unlockToManage')}</p>}
      {unlocked && full && <p className="sv-muted">{i18n.t('vault.passkey.full', [String(data.max)])}</p>}
      {unlocked && !full && (
        <form className="sv-vault-form" data-testid="passkey-add-form" onSubmit={submit}>
          <label>
            {i18n.t('vault.passkey.label')}
            <input
              type="text"
              name="passkey-label"
              maxLength={60}
              placeholder={i18n.t('vault.passkey.labelDefault', [String(passkeys.length + 1)])}
              value={label}
              onChange={(e) => setLabel(e.target.value)}
            />
          </label>
          <label>
            {i18n.t('vault.passkey.passphrase')}
            <input type="password" name="passkey-passphrase" autoComplete="current-password" value={passphrase} onChange={(e) => setPassphrase(e.target.value)} />
          </label>
          <button type="submit" disabled={add.busy || !passphrase}>
            {add.busy ? i18n.t('vault.passkey.adding') : i18n.t('vault.passkey.add')}
          </button>
        </form>
      )}
      <OutcomeMessage outcome={add.message} />
    </section>
  );
}
