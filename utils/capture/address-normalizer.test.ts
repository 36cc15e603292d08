import { describe, expect, it } from 'vitest';
import { FIXTURE_BUYERS } from '../../tests/fixtures/fixture-buyers';
import { addressResponse, DAY_MS, localTimeString, makeOrder, rawDataFor } from '../../tests/fixtures/order-fixtures';
import { countryAlpha2 } from '../geo/country-code';
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
      const { addresses } = parseAddressPayload('address', addressResponse(order), '1', null, countryAlpha2);
      expect(addresses[0]!.pii).toMatchObject({
        name: b.name,
        addressLine1: b.line1,
        city: b.city,
        state: b.state,
        postcode: b.postCode,
        country: b.country,
        phone: b.mobile,
        email: b.mail,
      });
    }
  });

  it('derives ISO country codes from display names', () => {
    const ok = (country: string) => normalizeAddress({ receiptName: 'A B', addressLine1: '1 Main St', regionName1: country }, 'PO-1-1', '1', 'api', countryAlpha2);
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
    const r = normalizeAddress({ receiptName: 'Anna', addressLine1: '1 Main St', mobile: '+1 ***-***-1234', mail: '****', postCode: '94043' }, 'PO-1-1', '1', 'api', countryAlpha2);
    expect(r.ok && r.address.pii).toMatchObject({ phone: null, email: null, postcode: '94043' });
    expect(normalizeAddress({ receiptName: 'J***', addressLine1: '1 Main St' }, 'PO-1-1', '1', 'api', countryAlpha2)).toEqual({ ok: false, reason: 'masked' });
    expect(normalizeAddress({ receiptName: 'Anna', addressLine1: '****' }, 'PO-1-1', '1', 'api', countryAlpha2)).toEqual({ ok: false, reason: 'masked' });
    expect(normalizeAddress({ receiptName: 'Anna' }, 'PO-1-1', '1', 'api', countryAlpha2)).toEqual({ ok: false, reason: 'incomplete' });
    expect(normalizeAddress({ receiptName: { html: '<b>' }, addressLine1: 'x' }, 'PO-1-1', '1', 'api', countryAlpha2)).toEqual({ ok: false, reason: 'invalid' });
    expect(normalizeAddress({ receiptName: 'A'.repeat(600), addressLine1: 'x' }, 'PO-1-1', '1', 'api', countryAlpha2)).toEqual({ ok: false, reason: 'invalid' });
  });

  it('uses the order number hint only when the answer does not name the order', () => {
    const order = makeOrder({ index: 1 });
    const body = addressResponse(order) as { result: Record<string, unknown> };
    delete body.result.parent_order_sn;
    expect(parseAddressPayload('address', body, '1', 'PO-9-9', countryAlpha2).addresses[0]!.orderSn).toBe('PO-9-9');
    expect(parseAddressPayload('address', body, '1', null, countryAlpha2).skipped).toEqual([{ reason: 'no-order', count: 1 }]);
    expect(() => parseAddressPayload('address', { success: false, error_code: 40001 }, '1', null, countryAlpha2)).toThrow(/expired/);
  });

  it('gives a list without order numbers the hint only when it holds exactly one entry', () => {
    const strip = (i: number) => {
      const r = (addressResponse(makeOrder({ index: i })) as { result: Record<string, unknown> }).result;
      delete r.parent_order_sn;
      return r;
    };
    const two = { success: true, result: [strip(1), strip(2)] };
    expect(parseAddressPayload('address', two, '1', 'PO-9-9', countryAlpha2)).toMatchObject({ addresses: [], skipped: [{ reason: 'no-order', count: 2 }] });
    const one = { success: true, result: [strip(1)] };
    expect(parseAddressPayload('address', one, '1', 'PO-9-9', countryAlpha2).addresses.map((a) => a.orderSn)).toEqual(['PO-9-9']);
  });

  it('reads the earliest package send time (and a status, if given) from rawData', () => {
    const NOW = Date.UTC(2026, 10, 25, 9, 0, 0);
    const order = makeOrder({ index: 2, status: 4, shippedAt: NOW - 31 * DAY_MS, now: NOW });
    const raw = rawDataFor(order, { utcOffsetMinutes: 480 }) as { store: { parentOrderMap: Record<string, unknown> & { localPackageInfoList: Record<string, unknown>[] } } };
    raw.store.parentOrderMap.localPackageInfoList.push({ packageSn: 'PK-2', sendTimeStr: localTimeString(NOW - 2 * DAY_MS, 480) }, { sendTimeStr: 'not a time' });
    const parsed = parseAddressPayload('orderDetail', raw, '1', order.parentOrderSn, countryAlpha2, { now: NOW, zone: { utcOffsetMinutes: 480 } });
    expect(parsed.addresses).toHaveLength(1);
    expect(parsed.orderFacts).toEqual([expect.objectContaining({ orderSn: order.parentOrderSn, status: 'unknown', shippedAt: NOW - 31 * DAY_MS })]);

    raw.store.parentOrderMap.parentOrderStatus = 4;
    raw.store.parentOrderMap.localPackageInfoList = [];
    expect(parseAddressPayload('orderDetail', raw, '1', order.parentOrderSn, countryAlpha2, { now: NOW, zone: { utcOffsetMinutes: 480 } }).orderFacts).toEqual([
      expect.objectContaining({ status: 'shipped', statusCode: 4, shippedAt: NOW }),
    ]);
    // Not shipped, no packages: only the order time the page shows (no shipping facts).
    const unshipped = makeOrder({ index: 3, status: 2 });
    expect(parseAddressPayload('orderDetail', rawDataFor(unshipped), '1', unshipped.parentOrderSn, countryAlpha2, { now: NOW, zone: { utcOffsetMinutes: 0 } }).orderFacts).toEqual([
      expect.objectContaining({ status: 'unknown', shippedAt: null, createdAt: unshipped.createdAt - (unshipped.createdAt % 1000) }),
    ]);
    const noTimes = rawDataFor(unshipped) as { store: { parentOrderMap: Record<string, unknown> } };
    delete noTimes.store.parentOrderMap.localParentOrderTimeStr;
    expect(parseAddressPayload('orderDetail', noTimes, '1', unshipped.parentOrderSn, countryAlpha2, { now: NOW, zone: { utcOffsetMinutes: 0 } }).orderFacts).toEqual([]);
  });
});
