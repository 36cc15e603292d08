import { useState } from 'react';
import { MessageError } from '../../utils/messaging/envelope';
import { sendMessage } from '../../utils/messaging/send-message-adapter';
import type { SettingsPatch } from '../../utils/settings/settings-schema';
import { i18n } from '../common/i18n';
import { useBackground } from '../common/use-background';
import { vaultErrorMessage } from '../vault/vault-error-message';

/**
 * Privacy settings (issue 15): cookie use (the policy's switch, with what relies on it), the buyer
 * fields captured (data minimization), capture scope, and the in-page banner.
 */
export function PrivacySettings() {
  const settings = useBackground('settings/get', {});
  const [error, setError] = useState<string | null>(null);
  const [fieldsNote, setFieldsNote] = useState<string | null>(null);
  if (!settings.data) return settings.error ? <p className="sv-error">{settings.error.message}</p> : null;
  const s = settings.data;

  const update = (patch: SettingsPatch) => {
    setError(null);
    sendMessage('settings/update', patch).catch((e: Error) => setError(e.message));
  };
  const setFields = (choice: { captureBuyerEmail: boolean; captureBackupPhone: boolean }) => {
    setError(null);
    setFieldsNote(null);
    sendMessage('buyers/set-captured-fields', choice).then(
      (reply) => reply.resealed > 0 && setFieldsNote(i18n.t('privacy.fields.removed', reply.resealed, [String(reply.resealed)])),
      (e: unknown) => setError(e instanceof MessageError && e.code === 'locked' ? i18n.t('privacy.fields.unlockFirst') : vaultErrorMessage(e)),
    );
  };
  return (
    <div className="sv-privacy-settings-group">
      <fieldset className="sv-privacy-settings" data-testid="cookie-settings">
        <legend>{i18n.t('privacy.cookies.legend')}</legend>
        <label>
          <input type="checkbox" name="allowSellerCenterCookies" checked={s.allowSellerCenterCookies} onChange={(e) => update({ allowSellerCenterCookies: e.target.checked })} />{' '}
          {i18n.t('privacy.allowCookies')}
        </label>
        <p>{i18n.t('privacy.cookies.reliesTitle')}</p>
        <ul>
          <li>{i18n.t('privacy.cookies.reliesCapture')}</li>
          <li>{i18n.t('privacy.cookies.reliesBulk')}</li>
        </ul>
        <p>{i18n.t('privacy.cookies.whenRefused')}</p>
        <label>
          <input
            type="checkbox"
            name="allowBulkAddressFetch"
            checked={s.allowSellerCenterCookies && s.allowBulkAddressFetch}
            disabled={!s.allowSellerCenterCookies}
            onChange={(e) => update({ allowBulkAddressFetch: e.target.checked })}
          />{' '}
          {i18n.t('privacy.allowBulkFetch')}
        </label>
        <p className="sv-muted">{i18n.t('privacy.allowBulkFetchHelp')}</p>
        <p className="sv-muted" data-testid="cookie-values-statement">
          {i18n.t('privacy.cookies.neverValues')}
        </p>
      </fieldset>

      <fieldset className="sv-privacy-settings" data-testid="captured-fields">
        <legend>{i18n.t('privacy.fields.legend')}</legend>
        <p className="sv-muted">{i18n.t('privacy.fields.always')}</p>
        <label>
          <input
            type="checkbox"
            name="captureBuyerEmail"
            checked={s.captureBuyerEmail}
            onChange={(e) => setFields({ captureBuyerEmail: e.target.checked, captureBackupPhone: s.captureBackupPhone })}
          />{' '}
          {i18n.t('privacy.fields.email')}
        </label>
        <label>
          <input
            type="checkbox"
            name="captureBackupPhone"
            checked={s.captureBackupPhone}
            onChange={(e) => setFields({ captureBuyerEmail: s.captureBuyerEmail, captureBackupPhone: e.target.checked })}
          />{' '}
          {i18n.t('privacy.fields.backupPhone')}
        </label>
        <p className="sv-muted">{i18n.t('privacy.fields.offMeans')}</p>
        {fieldsNote && (
          <p className="sv-ok" role="status" data-testid="fields-removed">
            {fieldsNote}
          </p>
        )}
      </fieldset>

      <fieldset className="sv-privacy-settings" data-testid="capture-scope">
        <legend>{i18n.t('privacy.scope.legend')}</legend>
        <label>
          <input type="radio" name="captureScope" value="opened" checked={s.captureScope === 'opened'} onChange={() => update({ captureScope: 'opened' })} />{' '}
          {i18n.t('privacy.scope.opened')}
        </label>
        <label>
          <input type="radio" name="captureScope" value="list" checked={s.captureScope === 'list'} onChange={() => update({ captureScope: 'list' })} />{' '}
          {i18n.t('privacy.scope.list')}
        </label>
      </fieldset>

      <fieldset className="sv-privacy-settings">
        <legend>{i18n.t('privacy.settingsLegend')}</legend>
        <label>
          <input type="checkbox" name="showInPageBanner" checked={s.showInPageBanner} onChange={(e) => update({ showInPageBanner: e.target.checked })} />{' '}
          {i18n.t('privacy.showBanner')}
        </label>
      </fieldset>
      {error && (
        <p className="sv-error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
