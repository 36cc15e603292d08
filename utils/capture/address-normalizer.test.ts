import { describe, expect, it } from 'vitest';
import { FIXTURE_BUYERS } from '../../tests/fixtures/fixture-buyers';
import { addressResponse, makeOrder } from '../../tests/fixtures/order-fixtures';
import { normalizeAddress } from './address-normalizer';
import { parseAddressPayload } from './address-payload-parser';
import { isMaskedValue } from './masked-value';

describe('isMaskedValue', () => {
  it('spots the seller center masks, not ordinary text', () => {
    for (const v of ['****', 'J***', '+1 ***-***-1234', '●●●●', '*']) expect(isMaskedValue(v)).toBe(true);
    for (const v of ['Jürgen Weiß', 'Apt 4*B', '+49 151 23456789', '王小明']) expect(isMaskedValue(v)).toBe(false);
  });
});

describe('normalizeAddress', () => {
  it('keeps every script intact and maps region names', () => {
    for (const [i, b] of FIXTURE_BUYERS.entries()) {
      const order = makeOrder({ index: i, buyer: b });
      const { addresses } = parseAddressPayload('address', addressResponse(order), '1', null);
      expect(addresses[0]!.pii).toMatchObject({ name: b.name, addressLine1: b.line1, city: b.city, state: b.state, postcode: b.postCode, country: b.country, phone: b.mobile, email: b.mail });
    }
  });

  it('derives ISO country codes from display names', () => {
    const ok = (country: string) => normalizeAddress({ receiptName: 'A B', addressLine1: '1 Main St', regionName1: country }, 'PO-1-1', '1', 'api');
    const code = (country: string) => {
      const r = ok(country);
      return r.ok ? r.address.pii.countryCode : 'fail';
    };
    expect(code('United States')).toBe('US');
    expect(code('Germany')).toBe('DE');
    expect(code('Deutschland')).toBe('DE');
    expect(code('美国')).toBe('US');
    expect(code('gb')).toBe('GB');
    expect(code('Atlantis')).toBeNull();
  });

  it('turns masked fields into null and skips an address whose name or line 1 is masked', () => {
    const r = normalizeAddress({ receiptName: 'Anna', addressLine1: '1 Main St', mobile: '+1 ***-***-1234', mail: '****', postCode: '94043' }, 'PO-1-1', '1', 'api');
    expect(r.ok && r.address.pii).toMatchObject({ phone: null, email: null, postcode: '94043' });
    expect(normalizeAddress({ receiptName: 'J***', addressLine1: '1 Main St' }, 'PO-1-1', '1', 'api')).toEqual({ ok: false, reason: 'masked' });
    expect(normalizeAddress({ receiptName: 'Anna', addressLine1: '****' }, 'PO-1-1', '1', 'api')).toEqual({ ok: false, reason: 'masked' });
    expect(normalizeAddress({ receiptName: 'Anna' }, 'PO-1-1', '1', 'api')).toEqual({ ok: false, reason: 'incomplete' });
    expect(normalizeAddress({ receiptName: { html: '<b>' }, addressLine1: 'x' }, 'PO-1-1', '1', 'api')).toEqual({ ok: false, reason: 'invalid' });
    expect(normalizeAddress({ receiptName: 'A'.repeat(600), addressLine1: 'x' }, 'PO-1-1', '1', 'api')).toEqual({ ok: false, reason: 'invalid' });
  });

  it('uses the order number hint only when the answer does not name the order', () => {
    const order = makeOrder({ index: 1 });
    const body = addressResponse(order) as { result: Record<string, unknown> };
    delete body.result.parent_order_sn;
    expect(parseAddressPayload('address', body, '1', 'PO-9-9').addresses[0]!.orderSn).toBe('PO-9-9');
    expect(parseAddressPayload('address', body, '1', null).skipped).toEqual([{ reason: 'no-order', count: 1 }]);
    expect(() => parseAddressPayload('address', { success: false, error_code: 40001 }, '1', null)).toThrow(/expired/);
  });
});
