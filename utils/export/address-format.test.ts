import { describe, expect, it } from 'vitest';
import { makeBuyerPii } from '../../tests/support/buyer-pii-test-data';
import { postalAddressLines, usesLocalScript } from './address-format';

describe('postalAddressLines: the destination country convention (issue 14)', () => {
  it('US: "City, ST ZIP" after the street lines, country last', () => {
    const lines = postalAddressLines(makeBuyerPii({ addressLine1: '1 Main Street', addressLine2: 'Apt 2', city: 'Springfield', state: 'IL', postcode: '62701' }));
    expect(lines).toEqual(['1 Main Street', 'Apt 2', 'Springfield, IL 62701', 'United States']);
  });

  it('Germany: postcode before the city; the state has no place in a German address', () => {
    const lines = postalAddressLines(
      makeBuyerPii({ addressLine1: 'Straße des 17. Juni 135', city: 'Berlin', state: 'Berlin-Brandenburg', postcode: '10623', country: 'Germany', countryCode: 'DE' }),
    );
    expect(lines).toEqual(['Straße des 17. Juni 135', '10623 Berlin', 'Germany']);
  });

  it('France and Poland: postcode before the city', () => {
    expect(
      postalAddressLines(makeBuyerPii({ addressLine1: '12 Rue de la Paix', city: 'Paris', state: 'Île-de-France', postcode: '75002', country: 'France', countryCode: 'FR' })),
    ).toContain('75002 Paris');
    expect(
      postalAddressLines(makeBuyerPii({ addressLine1: 'ul. Świętokrzyska 14', city: 'Łódź', state: 'łódzkie', postcode: '90-001', country: 'Poland', countryCode: 'PL' })),
    ).toContain('90-001 Łódź');
  });

  it('UK: city and postcode on lines of their own', () => {
    const lines = postalAddressLines(
      makeBuyerPii({ addressLine1: '10 Downing Street', city: 'London', state: null, postcode: 'SW1A 2AA', country: 'United Kingdom', countryCode: 'GB' }),
    );
    expect(lines).toEqual(['10 Downing Street', 'London', 'SW1A 2AA', 'United Kingdom']);
  });

  it('China in Chinese script: big to small (postcode, province+city+district, street)', () => {
    const lines = postalAddressLines(
      makeBuyerPii({ addressLine1: '建国路88号', city: '北京市', state: '北京', district: '朝阳区', postcode: '100022', country: '中国', countryCode: 'CN' }),
    );
    expect(lines).toEqual(['100022', '北京北京市朝阳区', '建国路88号', '中国']);
  });

  it('Japan in Japanese script: 〒postcode, prefecture, then city before the street (the format has no city field)', () => {
    const lines = postalAddressLines(makeBuyerPii({ addressLine1: '千代田1-1', city: '千代田区', state: '東京都', postcode: '100-0001', country: '日本', countryCode: 'JP' }));
    expect(lines).toEqual(['〒100-0001', '東京都', '千代田区', '千代田1-1', '日本']);
  });

  it('Japan in Latin script: small to large, nothing dropped', () => {
    const lines = postalAddressLines(makeBuyerPii({ addressLine1: '1-1 Chiyoda', city: 'Chiyoda-ku', state: 'Tokyo', postcode: '100-0001', country: 'Japan', countryCode: 'JP' }));
    const joined = lines.join('\n');
    for (const part of ['1-1 Chiyoda', 'Chiyoda-ku', 'Tokyo', '100-0001']) expect(joined).toContain(part);
    expect(lines.at(-1)).toBe('Japan');
    expect(joined.indexOf('1-1 Chiyoda')).toBeLessThan(joined.indexOf('100-0001'));
  });

  it('unknown country: every captured part is kept, country last', () => {
    const lines = postalAddressLines(
      makeBuyerPii({ addressLine1: 'Main road 5', city: 'Town', state: 'Province', district: 'Ward 3', postcode: '12345', country: 'Atlantis', countryCode: null }),
    );
    const joined = lines.join('\n');
    for (const part of ['Main road 5', 'Town', 'Ward 3', '12345']) expect(joined).toContain(part);
    expect(lines.at(-1)).toBe('Atlantis');
  });

  it('detects addresses written in CJK scripts', () => {
    expect(usesLocalScript(makeBuyerPii({ addressLine1: '朝阳区建国路88号' }))).toBe(true);
    expect(usesLocalScript(makeBuyerPii({ addressLine1: '서울특별시 강남구' }))).toBe(true);
    expect(usesLocalScript(makeBuyerPii({ addressLine1: 'ul. Ленина 10' }))).toBe(false);
  });
});
