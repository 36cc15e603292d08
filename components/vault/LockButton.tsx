import { i18n } from '../common/i18n';
import { useState } from 'react';
import { sendMessage } from '../../utils/messaging/send-message-adapter';
import { vaultErrorMessage } from './vault-error-message';

/** Manual lock: drops the session keys at once. */
export function LockButton() {
  const [error, setError] = useState<string | null>(null);
  return (
    <span>
      <button type="button" onClick={() => sendMessage('vault/lock', {}).catch((err: unknown) => setError(vaultErrorMessage(err)))}>
        {i18n.t('vault.lock')}
      </button>
      {error && <span className="sv-error"> {error}</span>}
    </span>
  );
}
