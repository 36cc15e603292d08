import { browser } from 'wxt/browser';

/** The browser's UI language ("en-US", "zh-CN"): picks the bundled text shown in that language. */
export function uiLanguage(): string {
  return browser.i18n.getUILanguage();
}
