import { i18n } from '../common/i18n';
import { MessageError } from '../../utils/messaging/envelope';
import { PasskeyCeremonyError } from './passkey-ceremony-adapter';
import { vaultErrorMessage } from './vault-error-message';

/**
 * What to show when a passkey step fails. `unlock`: the background's wrong-passphrase answer
 * means the passkey's output opened nothing, said in passkey words. `add`: it means the
 * passphrase typed beside the passkey was wrong.
 */
export function passkeyErrorMessage(err: unknown, step: 'unlock' | 'add'): string {
  if (err instanceof PasskeyCeremonyError) {
    if (err.reason === 'no-prf') return i18n.t('vault.passkey.error.noPrf');
    if (err.reason === 'unsupported') return i18n.t('vault.passkey.error.unsupported');
    return i18n.t('vault.passkey.error.cancelled');
  }
  if (step === 'unlock' && err instanceof MessageError && err.code === 'wrong-passphrase' && !err.retryAt) return i18n.t('vault.passkey.error.refused');
  return vaultErrorMessage(err);
}
