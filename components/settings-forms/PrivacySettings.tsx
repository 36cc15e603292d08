import { i18n } from '../common/i18n';
import { useState } from 'react';
import { sendMessage } from '../../utils/messaging/send-message-adapter';
import type { SettingsPatch } from '../../utils/settings/settings-schema';
import { useBackground } from '../common/use-background';

/** Cookie and banner choices (policy: "you may refuse; capture then stops"). */
export function PrivacySettings() {
  const settings = useBackground('settings/get', {});
  const [error, setError] = useState<string | null>(null);
  if (!settings.data) return settings.error ? <p className="sv-error">{settings.error.message}</p> : null;

  const update = (patch: SettingsPatch) => {
    setError(null);
    sendMessage('settings/update', patch).catch((e: Error) => setError(e.message));
  };
  return (
    <fieldset className="sv-privacy-settings">
      <legend>{i18n.t('privacy.settingsLegend')}</legend>
      <label>
        <input
          type="checkbox"
          name="allowSellerCenterCookies"
          checked={settings.data.allowSellerCenterCookies}
          onChange={(e) => update({ allowSellerCenterCookies: e.target.checked })}
        />{' '}
        {i18n.t('privacy.allowCookies')}
      </label>
      <p className="sv-muted">{i18n.t('privacy.allowCookiesHelp')}</p>
      <label>
        <input type="checkbox" name="showInPageBanner" checked={settings.data.showInPageBanner} onChange={(e) => update({ showInPageBanner: e.target.checked })} />{' '}
        {i18n.t('privacy.showBanner')}
      </label>
      {error && <p className="sv-error">{error}</p>}
    </fieldset>
  );
}
