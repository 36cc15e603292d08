import { i18n as browserI18n } from '#i18n';
import { localeTag, type PackagedMessages, translate, type UiLocale } from '../../utils/language/ui-language';

/**
 * The extension pages' translator (issue 15: the language follows the browser, with a manual
 * override in settings). `chrome.i18n.getMessage` always answers in the browser's language, so
 * when the seller chose another one the page loads that language's packaged messages once at start
 * (`applyUiLanguage`, before React renders) and `t` reads them with the same substitution and plural
 * rules. Same signature as `#i18n`; every page module imports this one (Biome refuses `#i18n`
 * elsewhere, except the seller-center banner, which keeps the browser's language to stay small).
 */
let override: PackagedMessages | null = null;
let activeLocale: UiLocale = 'en';

const t = ((key: string, ...args: unknown[]) => {
  if (!override) return (browserI18n.t as (k: string, ...a: unknown[]) => string)(key, ...args);
  let substitutions: string[] | undefined;
  let count: number | undefined;
  for (const arg of args) {
    if (typeof arg === 'number') count = arg;
    else if (Array.isArray(arg)) substitutions = arg.map(String);
  }
  return translate(override, key, substitutions, count);
}) as typeof browserI18n.t;

export const i18n = { t };

/** Sets the language for this page: `messages` null = the browser's own (chrome.i18n). */
export function setUiMessages(locale: UiLocale, messages: PackagedMessages | null): void {
  activeLocale = locale;
  override = messages;
}

/** The language the page shows, for Intl and `<html lang>`. */
export function activeLocaleTag(): string {
  return localeTag(activeLocale);
}

export function activeUiLocale(): UiLocale {
  return activeLocale;
}

/** Date and time in the page's language (stored times are epoch ms; shown in the viewer's zone). */
export function formatDateTime(at: number): string {
  return new Intl.DateTimeFormat(activeLocaleTag(), { dateStyle: 'medium', timeStyle: 'short' }).format(at);
}

export function formatDate(at: number): string {
  return new Intl.DateTimeFormat(activeLocaleTag(), { dateStyle: 'medium' }).format(at);
}

export function formatTime(at: number): string {
  return new Intl.DateTimeFormat(activeLocaleTag(), { timeStyle: 'medium' }).format(at);
}

export function formatNumber(value: number): string {
  return new Intl.NumberFormat(activeLocaleTag()).format(value);
}

/** "1 order" / "3 orders" / "3 个订单": a counted noun in the page's language (locales `count.*`). */
export function countOf(noun: 'orders' | 'files' | 'buyerRecords' | 'entries' | 'days' | 'sessionCaches', count: number): string {
  return i18n.t(`count.${noun}`, count, [formatNumber(count)]);
}
