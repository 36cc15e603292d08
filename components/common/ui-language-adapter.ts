import { browser } from 'wxt/browser';
import { chromeMessagesLocale, resolveUiLocale, type PackagedMessages, type UiLanguageChoice, type UiLocale } from '../../utils/language/ui-language';
import { UI_LANGUAGES } from '../../utils/settings/settings-read';
import { LOCAL_KEYS } from '../../utils/storage-keys';
import { setUiMessages } from './i18n';

/** The browser's UI language ("en-US", "zh-CN"). */
export function uiLanguage(): string {
  return browser.i18n.getUILanguage();
}

/** The stored `settings.uiLanguage` (read by hand: a page must not wait for the worker to start). */
async function storedChoice(): Promise<UiLanguageChoice> {
  const stored = await browser.storage.local.get(LOCAL_KEYS.settings);
  const choice = (stored[LOCAL_KEYS.settings] as { uiLanguage?: unknown } | undefined)?.uiLanguage;
  return (UI_LANGUAGES as readonly unknown[]).includes(choice) ? (choice as UiLanguageChoice) : 'auto';
}

/**
 * Called once by each page before it renders: picks the language (settings, else the browser's)
 * and, when it differs from the one chrome.i18n answers in, loads that language's packaged
 * messages. Sets `<html lang>` so screen readers and fonts follow.
 */
export async function applyUiLanguage(): Promise<UiLocale> {
  const browserLocale = chromeMessagesLocale(uiLanguage());
  const locale = resolveUiLocale(await storedChoice().catch(() => 'auto' as const), uiLanguage());
  let messages: PackagedMessages | null = null;
  if (locale !== browserLocale) {
    const response = await fetch(browser.runtime.getURL(`/_locales/${locale}/messages.json` as '/'));
    messages = response.ok ? ((await response.json()) as PackagedMessages) : null;
  }
  setUiMessages(messages ? locale : browserLocale, messages);
  document.documentElement.lang = locale === 'zh_CN' ? 'zh-CN' : 'en';
  return locale;
}
