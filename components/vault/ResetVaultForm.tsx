import { OutcomeMessage } from '../common/OutcomeMessage';
import { countOf, i18n } from '../common/i18n';
import { useState, type FormEvent } from 'react';
import { VAULT_RESET_CONFIRMATION } from '../../utils/vault/vault-messages';
import { sendMessage } from '../../utils/messaging/send-message-adapter';
import { useAction } from '../common/use-action';
import { vaultErrorMessage } from './vault-error-message';

/** Forgotten passphrase: deletes all buyer data after a typed confirmation; order facts stay. */
export function ResetVaultForm() {
  const [typed, setTyped] = useState('');
  const { busy, message, run } = useAction(vaultErrorMessage);

  function submit(event: FormEvent) {
    event.preventDefault();
    if (typed !== VAULT_RESET_CONFIRMATION) return;
    void run(async () => {
      const result = await sendMessage('vault/reset', { confirm: VAULT_RESET_CONFIRMATION });
      setTyped('');
      return i18n.t('vault.reset.done', [countOf('buyerRecords', result.deletedBuyers)]);
    });
  }

  return (
    <form className="sv-vault-form" data-testid="reset-vault-form" onSubmit={submit}>
      <h3>{i18n.t('vault.reset.heading')}</h3>
      <p className="sv-warning">{i18n.t('vault.reset.warning')}</p>
      <label>
        {i18n.t('vault.reset.typeToConfirm', [VAULT_RESET_CONFIRMATION])}
        <input name="reset-confirmation" autoComplete="off" value={typed} onChange={(e) => setTyped(e.target.value)} />
      </label>
      <button type="submit" className="danger" disabled={busy || typed !== VAULT_RESET_CONFIRMATION}>
        {i18n.t('vault.reset.submit')}
      </button>
      <OutcomeMessage outcome={message} />
    </form>
  );
}
