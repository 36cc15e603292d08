import countries, { type LocaleData } from 'i18n-iso-countries';

/** One language's country names, as i18n-iso-countries ships them (`langs/<lang>.json`). */
export type CountryLocale = LocaleData;

/**
 * ISO 3166-1 alpha-2 for a shipping country: the captured code when there is one, else the
 * name looked up in i18n-iso-countries (official names and common aliases such as "USA", "UK",
 * "South Korea", in English or Chinese). Null when unknown: carriers reject a guessed code.
 */
export type CountryAlpha2 = (countryCode: string | null, countryName: string | null) => string | null;

/** The packaged copy of the country names (written at build time, wxt.config.ts), read by the service worker. */
export const COUNTRY_NAMES_FILE = 'country-names.json';

/**
 * The lookup over the given languages, tried in order. The names are passed in, not imported
 * (issue 11): pages and the export worker bundle them (country-code.ts), while the service worker
 * reads the same data as a packaged file on its first address capture instead of parsing it on
 * every wake.
 */
export function createCountryLookup(locales: readonly CountryLocale[]): CountryAlpha2 {
  for (const locale of locales) countries.registerLocale(locale);
  const langs = locales.map((l) => l.locale);
  // No name longer than the longest known one can match. Found by fuzzing (issue 16): the library's
  // lookups are slow on long text (a 5,000-character CJK "country" took 4.6 s per call, under
  // load), so a hostile page could stall the worker, and each long name would sit in the memo.
  const longestName = Math.max(
    ...locales.flatMap((l) =>
      Object.values(l.countries)
        .flat()
        .map((n) => n.length),
    ),
  );
  // Name lookups scan every country name (~1 ms each); a CSV of 10,000 rows has a few dozen
  // distinct countries, so results are memoized.
  const memo = new Map<string, string | null>();

  function lookupAlpha2(countryCode: string | null, countryName: string | null): string | null {
    const code = countryCode?.trim().toUpperCase();
    if (code && countries.isValid(code)) return code;
    const name = countryName?.trim();
    if (!name || name.length > longestName) return null;
    if (/^[A-Za-z]{2}$/.test(name) && countries.isValid(name.toUpperCase())) return name.toUpperCase();
    for (const lang of langs) {
      const found = countries.getAlpha2Code(name, lang) ?? countries.getSimpleAlpha2Code(name, lang);
      if (found) return found;
    }
    return null;
  }

  return (countryCode, countryName) => {
    if ((countryCode?.length ?? 0) > longestName || (countryName?.trim().length ?? 0) > longestName) return null;
    const key = `${countryCode ?? ''}\u0000${countryName ?? ''}`;
    let result = memo.get(key);
    if (result === undefined) {
      result = lookupAlpha2(countryCode, countryName);
      if (memo.size > 10_000) memo.clear();
      memo.set(key, result);
    }
    return result;
  };
}
