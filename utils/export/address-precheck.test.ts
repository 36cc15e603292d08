import { describe, expect, it } from 'vitest';
import { label } from '../../tests/support/label-test-data';
import { DEFAULT_SETTINGS } from '../settings/settings-schema';
import { checkAddress, precheckConstraintsFor, precheckRun, type PrecheckConstraints } from './address-precheck';

const LOOSE: PrecheckConstraints = { maxLineLength: null, latinOnly: false, requirePhone: true };
const rules = (to: Parameters<typeof label>[1], constraints = LOOSE) => checkAddress(label({}, to), constraints).map((f) => `${f.rule}:${f.field}`);

describe('address pre-check rules (issue 14)', () => {
  it('a complete US address passes', () => {
    expect(rules({})).toEqual([]);
  });

  it('missing required fields', () => {
    expect(rules({ name: ' ' })).toEqual(['missing-name:name']);
    expect(rules({ addressLine1: '', addressLine2: null })).toEqual(['missing-street:addressLine1']);
    expect(rules({ city: null })).toEqual(['missing-city:city']);
    expect(rules({ country: null, countryCode: null })).toEqual(['missing-country:country']);
    expect(rules({ postcode: '' })).toEqual(['missing-postcode:postcode']);
  });

  it('a missing postcode is fine where the country has no postcode system (Hong Kong)', () => {
    expect(rules({ postcode: null, country: 'Hong Kong', countryCode: 'HK' })).toEqual([]);
  });

  it('postcode format per country', () => {
    expect(rules({ postcode: '6270' })).toEqual(['postcode-format:postcode']);
    expect(rules({ postcode: '62701-1234' })).toEqual([]);
    expect(rules({ postcode: '10623', countryCode: 'DE', country: 'Germany' })).toEqual([]);
    expect(rules({ postcode: '1062', countryCode: 'DE', country: 'Germany' })).toEqual(['postcode-format:postcode']);
    expect(rules({ postcode: 'SW1A 2AA', countryCode: 'GB', country: 'United Kingdom' })).toEqual([]);
    expect(rules({ postcode: '90-001', countryCode: 'PL', country: 'Poland' })).toEqual([]);
    expect(rules({ postcode: '90001', countryCode: 'PL', country: 'Poland' })).toEqual(['postcode-format:postcode']);
  });

  it('lines longer than the carrier limit (Ship&co: 35 characters), counted in characters not bytes', () => {
    const shipAndCo = { ...LOOSE, maxLineLength: 35 };
    expect(rules({ addressLine1: 'x'.repeat(35) }, shipAndCo)).toEqual([]);
    const long = checkAddress(label({}, { addressLine1: 'x'.repeat(36), addressLine2: 'ü'.repeat(35) }), shipAndCo);
    expect(long).toEqual([{ orderSn: 'PO-211-01234567890123', rule: 'line-too-long', field: 'addressLine1', length: 36, limit: 35 }]);
    expect(rules({ addressLine1: 'x'.repeat(200) })).toEqual([]);
  });

  it('non-Latin text for Latin-only formats; accents and punctuation are Latin enough', () => {
    const latin = { ...LOOSE, latinOnly: true };
    expect(rules({ name: 'Zoë Béatrice Çelik-Łukasz', addressLine1: '12 Rue de l’Église, #3' }, latin)).toEqual([]);
    expect(rules({ name: '王小明', addressLine1: 'ул. Ленина 10' }, latin)).toEqual(['non-latin:name', 'non-latin:addressLine1']);
    expect(rules({ name: '王小明' })).toEqual([]);
  });

  it('phone missing, unless a backup phone exists or the file leaves phones out', () => {
    expect(rules({ phone: null })).toEqual(['missing-phone:phone']);
    expect(rules({ phone: null, backupPhone: '+1 555 0101' })).toEqual([]);
    expect(rules({ phone: null }, { ...LOOSE, requirePhone: false })).toEqual([]);
  });

  it('findings name fields, never values', () => {
    const findings = checkAddress(label({}, { name: '王小明', postcode: '1' }), { maxLineLength: 1, latinOnly: true, requirePhone: true });
    expect(JSON.stringify(findings)).not.toMatch(/王小明|Main/);
  });

  it('precheckRun groups per order and leaves clean orders out', () => {
    const run = [label({ orderSn: 'PO-A' }), label({ orderSn: 'PO-B' }, { postcode: 'bad' }), label({ orderSn: 'PO-C' }, { phone: null, city: null })];
    expect(precheckRun(run, LOOSE).map((e) => [e.orderSn, e.findings.map((f) => f.rule)])).toEqual([
      ['PO-B', ['postcode-format']],
      ['PO-C', ['missing-city', 'missing-phone']],
    ]);
  });
});

describe('precheckConstraintsFor (issue 14)', () => {
  const run = DEFAULT_SETTINGS.shippingRun;
  it('Ship&co: 35-character lines; other formats: no limit', () => {
    expect(precheckConstraintsFor('csv-shipandco', { ...run })?.maxLineLength).toBe(35);
    expect(precheckConstraintsFor('pdf-labels', { ...run })?.maxLineLength).toBeNull();
  });
  it('Latin-only where the seller marked the format (ZPL included)', () => {
    expect(precheckConstraintsFor('zpl', { ...run })?.latinOnly).toBe(false);
    expect(precheckConstraintsFor('zpl', { ...run, latinOnlyFormats: ['zpl'] })?.latinOnly).toBe(true);
    expect(precheckConstraintsFor('csv-generic', { ...run, latinOnlyFormats: ['generic'] })?.latinOnly).toBe(true);
    expect(precheckConstraintsFor('csv-shipandco', { ...run, latinOnlyFormats: ['generic'] })?.latinOnly).toBe(false);
  });
  it('no phone needed when the preset leaves phones out, nor on packing slips; nothing to check on a pick list', () => {
    expect(precheckConstraintsFor('csv-shipandco', { ...run, csvOmitContact: ['shipandco'] })?.requirePhone).toBe(false);
    expect(precheckConstraintsFor('csv-generic', { ...run, csvOmitContact: ['shipandco'] })?.requirePhone).toBe(true);
    expect(precheckConstraintsFor('packing-slip', { ...run })?.requirePhone).toBe(false);
    expect(precheckConstraintsFor('pick-list', { ...run })).toBeNull();
  });
});
