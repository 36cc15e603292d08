import { afterEach, describe, expect, it } from 'vitest';
import { expiredLoginResponse, makeOrder, makeOrders, orderListResponse } from '../../tests/fixtures/order-fixtures';
import { parseCapturedJson, toCamelKeys } from './camel-keys';
import { exceedsPayloadCap, MAX_PAYLOAD_BYTES } from './capture-limits';
import { CaptureRejection } from './capture-rejection';
import { parseOrderList } from './order-list-parser';

const NOW = Date.UTC(2026, 10, 25, 9, 0, 0);
const ctx = { now: NOW, zone: { utcOffsetMinutes: 0 } };

function snakeKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(snakeKeys);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`).replace(/(\d+)/g, '$1'), snakeKeys(v)]));
}

function rejection(fn: () => unknown): CaptureRejection {
  try {
    fn();
  } catch (e) {
    if (e instanceof CaptureRejection) return e;
    throw e;
  }
  throw new Error('expected a CaptureRejection');
}

describe('parseOrderList', () => {
  it('reads a real-shaped page: statuses, times, multi-item parents, cancelled items', () => {
    const orders = makeOrders(7, { now: NOW });
    const parsed = parseOrderList(orderListResponse(orders), ctx);
    expect(parsed.map((o) => o.orderSn)).toEqual(orders.map((o) => o.parentOrderSn));
    expect(parsed.map((o) => o.status)).toEqual(['to_ship', 'to_ship', 'shipped', 'delivered', 'pending', 'cancelled', 'partially_shipped']);
    const first = parsed[0]!;
    // unix seconds in the response → ms, truncated to the second
    expect(first.createdAt).toBe(Math.floor(orders[0]!.createdAt / 1000) * 1000);
    expect(first.shipBy).toBe(Math.floor(orders[0]!.shipBy / 1000) * 1000);
    expect(first.shippedAt).toBeNull();
    expect(parsed[2]!.shippedAt).toBe(Math.floor(orders[2]!.shippedAt! / 1000) * 1000);
    expect(parsed[2]!.items).toHaveLength(3);
    expect(parsed[2]!.items[1]).toMatchObject({ subOrderSn: orders[2]!.items[1]!.subOrderSn, sku: 'SKU-2-1', quantity: 2, title: orders[2]!.items[1]!.title });
    expect(parsed[5]!.items[0]!.cancelledQuantity).toBe(orders[5]!.items[0]!.quantity);
    expect(parsed.some((o) => o.items.some((i) => /[\u4e00-\u9fff]/.test(i.title)))).toBe(true);
  });

  it('accepts the snake_case spelling with the same result', () => {
    const body = orderListResponse(makeOrders(4, { now: NOW }));
    expect(parseOrderList(snakeKeys(body), ctx)).toEqual(parseOrderList(body, ctx));
  });

  it('reads zone-less time strings in the page zone (utcOffsetMinutes)', () => {
    const body = {
      success: true,
      result: {
        pageItems: [
          {
            parentOrderMap: { parentOrderSn: 'PO-211-1', parentOrderStatus: 4, parentOrderTimeStr: '2026-11-20 08:00:00', parentShippingTimeStr: '2026-11-21 08:30:00' },
            orderList: [],
          },
        ],
      },
    };
    // UTC+8 browser: getTimezoneOffset = -480
    const [o] = parseOrderList(body, { now: NOW, zone: { utcOffsetMinutes: 480 } });
    expect(o!.createdAt).toBe(Date.UTC(2026, 10, 20, 0, 0, 0));
    expect(o!.shippedAt).toBe(Date.UTC(2026, 10, 21, 0, 30, 0));
  });

  it('gives a shipped order without a shipping time the capture time', () => {
    const body = { success: true, result: { pageItems: [{ parentOrderMap: { parentOrderSn: 'PO-211-2', parentOrderStatus: 4, parentShippingTimeStr: '' }, orderList: [] }] } };
    expect(parseOrderList(body, ctx)[0]!.shippedAt).toBe(NOW);
  });

  it('ignores unknown fields and keeps markup in titles as inert text', () => {
    const body = orderListResponse([makeOrder({ now: NOW, items: [{ title: '<img src=x onerror=alert(1)>Mug' }] })]);
    (body.result.pageItems[0] as Record<string, unknown>).somethingNew = { deep: [1, 2, 3] };
    const [o] = parseOrderList(body, ctx);
    expect(o!.items[0]!.title).toBe('<img src=x onerror=alert(1)>Mug');
    expect(o).not.toHaveProperty('somethingNew');
  });

  it('rejects the expired-login answer and other API errors', () => {
    expect(rejection(() => parseOrderList(expiredLoginResponse(), ctx)).reason).toBe('login-expired');
    expect(rejection(() => parseOrderList({ success: false, errorCode: 50000, errorMsg: 'busy' }, ctx)).reason).toBe('api-error');
  });

  it('rejects the whole page on wrong types, missing fields or markup in order numbers', () => {
    const good = () => orderListResponse(makeOrders(3, { now: NOW }));
    const wrongQty = good();
    (wrongQty.result.pageItems[1]!.orderList[0] as Record<string, unknown>).quantity = 'lots';
    expect(rejection(() => parseOrderList(wrongQty, ctx))).toMatchObject({ reason: 'invalid-shape', message: expect.stringContaining('pageItems.1') });

    const markup = good();
    markup.result.pageItems[2]!.parentOrderMap.parentOrderSn = '<script>alert(1)</script>';
    expect(rejection(() => parseOrderList(markup, ctx)).reason).toBe('invalid-shape');

    const missing = good();
    delete (missing.result.pageItems[0]!.parentOrderMap as Partial<{ parentOrderSn: string }>).parentOrderSn;
    expect(rejection(() => parseOrderList(missing, ctx)).reason).toBe('invalid-shape');

    expect(rejection(() => parseOrderList({ success: true, result: { pageItems: 'nope' } }, ctx)).reason).toBe('invalid-shape');
    expect(rejection(() => parseOrderList([1, 2], ctx)).reason).toBe('invalid-shape');
    expect(rejection(() => parseOrderList({ success: true }, ctx)).reason).toBe('invalid-shape');
  });

  it('rejects more than 1,000 parent orders', () => {
    const body = { success: true, result: { pageItems: Array.from({ length: 1001 }, (_, i) => ({ parentOrderMap: { parentOrderSn: `PO-1-${i}` }, orderList: [] })) } };
    expect(rejection(() => parseOrderList(body, ctx)).reason).toBe('too-many-orders');
  });

  it('drops prototype-pollution keys without polluting Object.prototype', () => {
    const text = `{"success":true,"__proto__":{"polluted":"yes"},"result":{"constructor":{"prototype":{"polluted":"yes"}},"pageItems":[{"parentOrderMap":{"parentOrderSn":"PO-211-3","__proto__":{"parentOrderStatus":4}},"orderList":[]}]}}`;
    const parsed = parseOrderList(parseCapturedJson(text), ctx);
    expect(parsed[0]!.status).toBe('unknown');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    const camel = toCamelKeys(JSON.parse('{"a_b":{"__proto__":{"x":1}}}')) as Record<string, Record<string, unknown>>;
    expect(Object.getPrototypeOf(camel.aB)).toBe(Object.prototype);
    expect(camel.aB!.x).toBeUndefined();
  });

  it('rejects absurdly deep nesting and malformed JSON', () => {
    let deep: unknown = 1;
    for (let i = 0; i < 100; i++) deep = { a: deep };
    expect(rejection(() => parseOrderList({ success: true, result: { pageItems: [], extra: deep } }, ctx)).reason).toBe('too-deep');
    expect(rejection(() => parseCapturedJson('{"success":true,')).reason).toBe('malformed-json');
  });
});

describe('exceedsPayloadCap', () => {
  afterEach(() => undefined);
  it('measures UTF-8 bytes, not characters', () => {
    expect(exceedsPayloadCap('x'.repeat(MAX_PAYLOAD_BYTES))).toBe(false);
    expect(exceedsPayloadCap('x'.repeat(MAX_PAYLOAD_BYTES + 1))).toBe(true);
    // 2 million CJK characters are 6 MB of UTF-8
    expect(exceedsPayloadCap('王'.repeat(2_000_000))).toBe(true);
    expect(exceedsPayloadCap('王'.repeat(1_000_000))).toBe(false);
  });
});
