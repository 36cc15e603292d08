/**
 * The extension pages' language (issue 15): the browser's UI language unless the seller picked one
 * in settings. Pure: the page adapter (components/common/ui-language-adapter.ts) reads the stored
 * choice and the packaged messages; this module decides and formats.
 */

/** Languages the extension ships (locales/*.yml, packaged as _locales/<code>/messages.json). */
export type UiLocale = 'en' | 'zh_CN';
export type UiLanguageChoice = 'auto' | UiLocale;

/** The language shown: the choice, or for 'auto' the browser's ("zh-CN", "zh-TW", "en-US" …). */
export function resolveUiLocale(choice: UiLanguageChoice, browserLanguage: string): UiLocale {
  if (choice !== 'auto') return choice;
  // Chinese of any region gets Simplified Chinese (the only Chinese shipped); anything else English,
  // the manifest's default_locale, as Chrome itself would fall back.
  return browserLanguage.toLowerCase().startsWith('zh') ? 'zh_CN' : 'en';
}

/**
 * The language chrome.i18n itself answers in: the exact UI locale if shipped, else its language
 * without region if shipped, else default_locale (en). So zh-TW gets English from Chrome, and our
 * 'auto' (Simplified Chinese for any Chinese) must then load the Chinese messages itself.
 */
export function chromeMessagesLocale(browserLanguage: string): UiLocale {
  const tag = browserLanguage.toLowerCase().replace('_', '-');
  return tag === 'zh-cn' ? 'zh_CN' : 'en';
}

/** BCP 47 tag for Intl and `<html lang>`. */
export function localeTag(locale: UiLocale): string {
  return locale === 'zh_CN' ? 'zh-CN' : 'en';
}

/** A packaged messages.json: `{ key_with_underscores: { message } }`. */
export type PackagedMessages = Record<string, { message: string } | undefined>;

/**
 * chrome.i18n.getMessage's rules for our messages: `$1`…`$9` are the substitutions (missing ones
 * read as empty), `$$` is a dollar sign. Returns '' for an unknown key, as Chrome does.
 */
export function substitute(message: string, substitutions: readonly string[]): string {
  return message.replace(/\$(\$|[1-9])/g, (_, which: string) => (which === '$' ? '$' : (substitutions[Number(which) - 1] ?? '')));
}

/**
 * @wxt-dev/i18n's plural forms: the yml keys `0`/`1`/`n` are joined with " | " in messages.json;
 * one form for every count, two forms "1 | n", three forms "0 | 1 | n".
 */
export function pickPluralForm(message: string, count: number): string {
  const forms = message.split(' | ');
  if (forms.length === 1) return forms[0]!;
  if (forms.length === 2) return forms[count === 1 ? 0 : 1]!;
  if (forms.length === 3) return forms[count === 0 || count === 1 ? count : 2]!;
  throw new Error('Unknown plural formatting');
}

/** One message from a packaged messages file, the way @wxt-dev/i18n's `t` reads the browser's. */
export function translate(messages: PackagedMessages, key: string, substitutions: readonly string[] | undefined, count: number | undefined): string {
  const raw = messages[key.replaceAll('.', '_')]?.message ?? '';
  const subs = substitutions ?? (count === undefined ? [] : [String(count)]);
  const text = substitute(raw, subs);
  return count === undefined ? text : pickPluralForm(text, count);
}
