import { describe, expect, it } from 'vitest';
import { countryAlpha2 } from './country-code';

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
