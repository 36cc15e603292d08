import { describe, expect, it } from 'vitest';
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
