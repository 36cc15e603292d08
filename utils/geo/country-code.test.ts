import countries from 'i18n-iso-countries';
import { describe, expect, it, vi } from 'vitest';
import { COUNTRY_LOCALES, countryAlpha2 } from './country-code';
import { createCountryLookup } from './country-lookup';

describe('countryAlpha2', () => {
  it.each([
    ['us', 'Whatever', 'US'],
    [null, 'United States', 'US'],
    [null, 'USA', 'US'],
    [null, 'United Kingdom', 'GB'],
    [null, 'Germany', 'DE'],
    [null, 'South Korea', 'KR'],
    [null, '中国', 'CN'],
    [null, '德国', 'DE'],
    [null, 'fr', 'FR'],
    [null, 'Neverland', null],
    [null, null, null],
    ['XX', 'Poland', 'PL'],
    [null, 'Deutschland', 'DE'],
    [null, 'Polska', 'PL'],
    [null, '美国', 'US'],
    [null, 'gb', 'GB'],
    [null, 'Россия', 'RU'],
    [null, '日本', 'JP'],
  ])('code %j, name %j → %j', (code, name, expected) => {
    expect(countryAlpha2(code, name)).toBe(expected);
  });
});

describe('the packaged country names (service worker)', () => {
  it('look up alike: a JSON copy of the bundled names gives the same codes', () => {
    const packaged = createCountryLookup(JSON.parse(JSON.stringify(COUNTRY_LOCALES)));
    for (const name of ['United States', 'USA', 'Deutschland', '德国', 'Россия', '日本', 'Polska', 'Côte d’Ivoire', 'Cote d Ivoire', 'Neverland', 'gb']) {
      expect(packaged(null, name), name).toBe(countryAlpha2(null, name));
    }
  });
});

describe('country lookup bounds (issue 16: found by fuzzing)', () => {
  it('answers null at once for text longer than any country name, and keeps finding real names', () => {
    const longest = Math.max(
      ...COUNTRY_LOCALES.flatMap((l) =>
        Object.values(l.countries)
          .flat()
          .map((n) => n.length),
      ),
    );
    expect(longest).toBeLessThan(100);
    const scans = [vi.spyOn(countries, 'getAlpha2Code'), vi.spyOn(countries, 'getSimpleAlpha2Code')];
    expect(countryAlpha2(null, '王'.repeat(5_000))).toBeNull();
    expect(countryAlpha2('x'.repeat(5_000), null)).toBeNull();
    expect(countryAlpha2(null, `${'Germany'.padEnd(longest + 1, ' ')}x`)).toBeNull();
    // Refused before the library's slow name scan.
    for (const scan of scans) expect(scan).not.toHaveBeenCalled();
    for (const scan of scans) scan.mockRestore();
    expect(countryAlpha2(null, 'Deutschland')).toBe('DE');
    expect(countryAlpha2(null, '中国')).toBe('CN');
  });
});
