/**
 * ISO 3166-1 alpha-2 code for a country name as the seller center shows it (region_name1, e.g.
 * "United States", "Deutschland", "美国"). Built once from Intl.DisplayNames in the languages the
 * seller center uses, so no hand-kept country table drifts.
 */
const LANGUAGES = ['en', 'zh', 'de', 'fr', 'es', 'it', 'pl', 'nl', 'pt', 'ja'];
/** Common short forms the display names do not produce. */
const ALIASES: Record<string, string> = { usa: 'US', 'united states of america': 'US', uk: 'GB', 'great britain': 'GB', england: 'GB' };

/** Withdrawn or non-country codes that display names still resolve (DD once meant East Germany). */
const NOT_COUNTRIES = new Set(['DD', 'FX', 'BU', 'CS', 'DY', 'HV', 'NH', 'RH', 'SU', 'TP', 'UK', 'VD', 'YD', 'YU', 'ZR', 'EU', 'EZ', 'UN', 'QO', 'XA', 'XB', 'ZZ']);

let byName: Map<string, string> | undefined;

function buildIndex(): Map<string, string> {
  const index = new Map<string, string>(Object.entries(ALIASES));
  const letters = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
  for (const lang of LANGUAGES) {
    let names: Intl.DisplayNames;
    try {
      names = new Intl.DisplayNames([lang], { type: 'region', fallback: 'none' });
    } catch {
      continue;
    }
    for (const a of letters) {
      for (const b of letters) {
        const code = a + b;
        if (NOT_COUNTRIES.has(code)) continue;
        const name = names.of(code);
        if (name && !index.has(name.toLowerCase())) index.set(name.toLowerCase(), code);
      }
    }
  }
  return index;
}

export function countryCodeFor(country: string | null): string | null {
  if (!country) return null;
  const trimmed = country.trim();
  if (/^[A-Za-z]{2}$/.test(trimmed)) return trimmed.toUpperCase();
  byName ??= buildIndex();
  return byName.get(trimmed.toLowerCase()) ?? null;
}
