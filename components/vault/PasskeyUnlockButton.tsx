import { useEffect, useRef } from 'react';
import { i18n } from '../common/i18n';
import { OutcomeMessage } from '../common/OutcomeMessage';
import { useAction } from '../common/use-action';
import { sendMessage } from '../../utils/messaging/send-message-adapter';
import { evaluateVaultPasskey } from './passkey-ceremony-adapter';
import { passkeyErrorMessage } from './passkey-error-message';

const unlockError = (err: unknown) => passkeyErrorMessage(err, 'unlock');

/**
 * "Unlock with passkey" in a tab (options › Vault): the authenticator's PRF output goes to
 * `vault/passkey-unlock`. `autoStart`: the popup sent the seller here for it, so the ceremony
 * starts at once (the button stays for a retry); `onAutoStarted` lets the page forget the request,
 * or the next lock would mount this button again and unlock at once.
 */
export function PasskeyUnlockButton({ autoStart = false, onAutoStarted }: { autoStart?: boolean; onAutoStarted?: () => void }) {
  const { busy, message, run } = useAction(unlockError);
  const started = useRef(false);

  function unlock() {
    void run(async () => {
      const { passkeys } = await sendMessage('vault/passkeys', {});
      const answer = await evaluateVaultPasskey(passkeys.map(({ credentialId, prfSalt }) => ({ credentialId, prfSalt })));
      await sendMessage('vault/passkey-unlock', answer);
      return i18n.t('vault.state.unlocked');
    });
  }

  // biome-ignore lint/correctness/useExhaustiveDependencies: runs once when the page opens for it
  useEffect(() => {
    if (autoStart && !started.current) {
      started.current = true;
      onAutoStarted?.();
      unlock();
    }
  }, []);

  return (
    <div className="sv-vault-inline" data-testid="passkey-unlock">
      <button type="button" className="primary" disabled={busy} onClick={unlock}>
        {busy ? i18n.t('vault.passkey.unlocking') : i18n.t('vault.passkey.unlock')}
      </button>
      <OutcomeMessage outcome={message} inline />
    </div>
  );
}
