import { formatTime, i18n } from '../common/i18n';
import { MessageError } from '../../utils/messaging/envelope';

/**
 * What to show for a failed vault message. Known codes get translated text; everything else
 * shows the background's message.
 */
export function vaultErrorMessage(err: unknown): string {
  if (err instanceof MessageError) {
    if (err.code === 'wrong-passphrase') {
      // The attempt that starts a back-off says so at once.
      const wrong = i18n.t('vault.error.wrongPassphrase');
      return err.retryAt ? `${wrong} ${i18n.t('vault.error.backoff', [formatTime(err.retryAt)])}` : wrong;
    }
    if (err.code === 'backoff' && err.retryAt) return i18n.t('vault.error.backoff', [formatTime(err.retryAt)]);
    if (err.code === 'locked') return i18n.t('vault.error.locked');
    // Storage full or failing (issue 16): the background's text is English only.
    if (err.code === 'quota') return i18n.t('storage.full');
    return err.message;
  }
  return err instanceof Error ? err.message : String(err);
}
