import countries from 'i18n-iso-countries';
import de from 'i18n-iso-countries/langs/de.json';
import en from 'i18n-iso-countries/langs/en.json';
import es from 'i18n-iso-countries/langs/es.json';
import fr from 'i18n-iso-countries/langs/fr.json';
import it from 'i18n-iso-countries/langs/it.json';
import ja from 'i18n-iso-countries/langs/ja.json';
import pl from 'i18n-iso-countries/langs/pl.json';
import ru from 'i18n-iso-countries/langs/ru.json';
import zh from 'i18n-iso-countries/langs/zh.json';

/**
 * Names as the seller center shows them (region_name1): its two UI languages, plus the local
 * names of the main Temu EU markets, which some address snapshots carry ("Deutschland").
 * One lookup for capture (buyer PII countryCode) and export (carrier CSV country code).
 */
const LOCALES = [en, zh, de, fr, es, it, pl, ru, ja];
for (const locale of LOCALES) countries.registerLocale(locale);
const LOOKUP_LANGS = LOCALES.map((l) => l.locale);

/**
 * ISO 3166-1 alpha-2 for a shipping country: the captured code when there is one, else the
 * name looked up in i18n-iso-countries (official names and common aliases such as "USA", "UK",
 * "South Korea", in English or Chinese). Null when unknown: carriers reject a guessed code.
 */
export function countryAlpha2(countryCode: string | null, countryName: string | null): string | null {
  // Name lookups scan every country name (~1 ms each); a CSV of 10,000 rows has a few dozen
  // distinct countries, so results are memoized.
  const key = `${countryCode ?? ''}\u0000${countryName ?? ''}`;
  let result = memo.get(key);
  if (result === undefined) {
    result = lookupAlpha2(countryCode, countryName);
    if (memo.size > 10_000) memo.clear();
    memo.set(key, result);
  }
  return result;
}

const memo = new Map<string, string | null>();

function lookupAlpha2(countryCode: string | null, countryName: string | null): string | null {
  const code = countryCode?.trim().toUpperCase();
  if (code && countries.isValid(code)) return code;
  const name = countryName?.trim();
  if (!name) return null;
  if (/^[A-Za-z]{2}$/.test(name) && countries.isValid(name.toUpperCase())) return name.toUpperCase();
  for (const lang of LOOKUP_LANGS) {
    const found = countries.getAlpha2Code(name, lang) ?? countries.getSimpleAlpha2Code(name, lang);
    if (found) return found;
  }
  return null;
}
