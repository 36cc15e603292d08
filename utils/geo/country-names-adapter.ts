import { browser } from 'wxt/browser';
import { COUNTRY_NAMES_FILE, type CountryAlpha2, type CountryLocale, createCountryLookup } from './country-lookup';

let loading: Promise<CountryAlpha2> | null = null;

/**
 * The country lookup over the names packaged with the extension (written at build time from
 * i18n-iso-countries, wxt.config.ts): read once per service-worker life, on the first address
 * capture, instead of being parsed on every wake (issue 11). A failed read is not kept: the
 * capture fails and the next one reads again.
 */
export const packagedCountryNames = {
  lookup(): Promise<CountryAlpha2> {
    loading ??= load().catch((err: unknown) => {
      loading = null;
      throw err;
    });
    return loading;
  },
};

async function load(): Promise<CountryAlpha2> {
  const response = await fetch(browser.runtime.getURL(`/${COUNTRY_NAMES_FILE}` as '/'));
  if (!response.ok) throw new Error(`${COUNTRY_NAMES_FILE}: HTTP ${response.status}`);
  const locales = (await response.json()) as unknown;
  if (!Array.isArray(locales) || locales.length === 0 || !locales.every(isLocale)) throw new Error(`${COUNTRY_NAMES_FILE}: not the country names`);
  return createCountryLookup(locales);
}

function isLocale(value: unknown): value is CountryLocale {
  const l = value as Partial<CountryLocale> | null;
  return !!l && typeof l.locale === 'string' && typeof l.countries === 'object' && l.countries !== null;
}
