import de from 'i18n-iso-countries/langs/de.json';
import en from 'i18n-iso-countries/langs/en.json';
import es from 'i18n-iso-countries/langs/es.json';
import fr from 'i18n-iso-countries/langs/fr.json';
import it from 'i18n-iso-countries/langs/it.json';
import ja from 'i18n-iso-countries/langs/ja.json';
import pl from 'i18n-iso-countries/langs/pl.json';
import ru from 'i18n-iso-countries/langs/ru.json';
import zh from 'i18n-iso-countries/langs/zh.json';
import { type CountryAlpha2, type CountryLocale, createCountryLookup } from './country-lookup';

/**
 * Names as the seller center shows them (region_name1): its two UI languages, plus the local
 * names of the main Temu EU markets, which some address snapshots carry ("Deutschland").
 * One list for capture (buyer PII countryCode) and export (carrier CSV country code): pages and
 * the export worker bundle it; the build packages the same list for the service worker.
 */
export const COUNTRY_LOCALES: readonly CountryLocale[] = [en, zh, de, fr, es, it, pl, ru, ja];

/** The lookup over the bundled names (export, pages). */
export const countryAlpha2: CountryAlpha2 = createCountryLookup(COUNTRY_LOCALES);
