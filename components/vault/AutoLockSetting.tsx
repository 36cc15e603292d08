import { i18n } from '../common/i18n';
import { useState } from 'react';
import { sendMessage } from '../../utils/messaging/send-message-adapter';
import { vaultErrorMessage } from './vault-error-message';

/** Choices offered; the setting accepts any 0–240 (0 = only when the browser closes). */
const CHOICES = [1, 5, 15, 30, 60, 120, 240, 0];

export function AutoLockSetting({ minutes }: { minutes: number }) {
  const [error, setError] = useState<string | null>(null);
  const choices = CHOICES.includes(minutes) ? CHOICES : [minutes, ...CHOICES];
  return (
    <div className="sv-vault-section">
      <h3>{i18n.t('vault.autoLock.heading')}</h3>
      <label className="sv-vault-inline">
        {i18n.t('vault.autoLock.label')}
        <select
          name="autoLockMinutes"
          value={minutes}
          onChange={(e) => {
            setError(null);
            sendMessage('settings/update', { autoLockMinutes: Number(e.target.value) }).catch((err: unknown) => setError(vaultErrorMessage(err)));
          }}
        >
          {choices.map((m) => (
            <option key={m} value={m}>
              {m === 0 ? i18n.t('vault.autoLock.onClose') : i18n.t('vault.autoLock.minutes', m)}
            </option>
          ))}
        </select>
      </label>
      {error && <div className="sv-error">{error}</div>}
    </div>
  );
}
