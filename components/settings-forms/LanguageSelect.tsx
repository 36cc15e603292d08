import { useState } from 'react';
import { sendMessage } from '../../utils/messaging/send-message-adapter';
import type { UI_LANGUAGES } from '../../utils/settings/settings-read';
import { i18n } from '../common/i18n';
import { useBackground } from '../common/use-background';

/** Each language's name in that language (a reader who cannot read the current one finds theirs). */
const LANGUAGE_NAMES: Record<Exclude<(typeof UI_LANGUAGES)[number], 'auto'>, string> = { en: 'English', zh_CN: '简体中文' };

/**
 * The pages' language (issue 15): the browser's, or English / 简体中文 chosen here. Pages read the
 * choice once when they open (ui-language-adapter.ts), so this page reloads after a change.
 */
export function LanguageSelect() {
  const settings = useBackground('settings/get', {});
  const [error, setError] = useState<string | null>(null);
  if (!settings.data) return null;
  return (
    <label className="sv-language-select">
      <span>{i18n.t('language.label')}</span>{' '}
      <select
        name="uiLanguage"
        data-testid="ui-language"
        value={settings.data.uiLanguage}
        onChange={(e) => {
          const uiLanguage = e.target.value as (typeof UI_LANGUAGES)[number];
          sendMessage('settings/update', { uiLanguage }).then(
            () => location.reload(),
            (err: Error) => setError(err.message),
          );
        }}
      >
        <option value="auto">{i18n.t('language.auto')}</option>
        {(Object.keys(LANGUAGE_NAMES) as (keyof typeof LANGUAGE_NAMES)[]).map((code) => (
          <option key={code} value={code} lang={code === 'zh_CN' ? 'zh-CN' : 'en'}>
            {LANGUAGE_NAMES[code]}
          </option>
        ))}
      </select>
      {error && (
        <span className="sv-error" role="alert">
          {error}
        </span>
      )}
    </label>
  );
}
