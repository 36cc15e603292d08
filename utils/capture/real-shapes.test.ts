import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseDomOrderList, statusFromText } from './dom-order-list-parser';
import { parseOrderList } from './order-list-parser';

/**
 * The shapes public tools see from the live seller center (tests/fixtures/seller-center-shapes,
 * each file's source in SOURCES.md). The page asked for UTC+8 (`timeZone: "UTC+8"`).
 */
const shape = (name: string) => JSON.parse(readFileSync(new URL(`../../tests/fixtures/seller-center-shapes/${name}`, import.meta.url), 'utf8'));
const NOW = Date.UTC(2026, 11, 1, 12, 0);
const UTC8 = { now: NOW, zone: { utcOffsetMinutes: 480 } };

describe('order list answers as the real seller center sends them', () => {
  it('reads success code 1000000 and times in the page zone, exactly', () => {
    const [order] = parseOrderList(shape('order-list-with-package-info.json'), UTC8);
    // "2026-11-25 13:07:55" in UTC+8 is 05:07:55Z; "2026-11-26 09:41:12" is 01:41:12Z.
    expect(order!.createdAt).toBe(Date.UTC(2026, 10, 25, 5, 7, 55));
    expect(order!.shippedAt).toBe(Date.UTC(2026, 10, 26, 1, 41, 12));
    // A number is taken before the string (exact: unix seconds).
    expect(order!.shipBy).toBe(1796400000 * 1000);
    expect(order!.timesUncertain).toBe(false);
    expect(order!.packages).toEqual([expect.objectContaining({ trackingNumber: expect.any(String), carrier: expect.any(String) })]);
  });

  it('with no zone named anywhere, takes the earliest reading and says it is uncertain', () => {
    const [order] = parseOrderList(shape('order-list-with-package-info.json'), { now: NOW, zone: { utcOffsetMinutes: null } });
    // UTC+14 is the earliest reading of "2026-11-26 09:41:12": 2026-11-25 19:41:12Z, 6 h before the true UTC+8 instant.
    expect(order!.shippedAt).toBe(Date.UTC(2026, 10, 25, 19, 41, 12));
    expect(order!.timesUncertain).toBe(true);
  });

  it('pageItems: null past the last page is an empty page, not an error', () => {
    expect(parseOrderList(shape('order-list-page-items-null.json'), UTC8)).toEqual([]);
  });

  it('system busy, expired login in snake_case and success: false are refused with their reason', () => {
    expect(() => parseOrderList(shape('order-list-system-busy.json'), UTC8)).toThrow(/busy/);
    expect(() => parseOrderList(shape('order-list-error_code-snake.json'), UTC8)).toThrow(/expired/);
    expect(() => parseOrderList({ success: false, errorCode: 1234 }, UTC8)).toThrow(/error \(1234\)/);
  });

  it('ids as strings or numbers, extCodeList [""], null package lists', () => {
    const [order] = parseOrderList(shape('order-list-mixed-id-types.json'), UTC8);
    const [first] = order!.items;
    expect(first!.goodsId).toBe('601099500000202');
    // No seller code (extCodeList [""]): the platform SKU id.
    expect(first!.sku).toBe('17592000000202');
    expect(order!.packages).toEqual([]);
  });

  it('statuses 41 and 51 read as partially shipped / delivered (the clock starts: earliest purge)', () => {
    const orders = parseOrderList(shape('order-list-status-41-51.json'), UTC8);
    expect(orders.map((o) => o.status)).toEqual(['partially_shipped', 'partially_delivered']);
    expect(orders[0]!.shippedAt).toBe(Date.UTC(2026, 10, 21, 6, 12, 0));
  });

  it('cancelled quantities under their Open API name', () => {
    const body = shape('order-list-mixed-id-types.json');
    const line = body.result.pageItems[0].orderList[0];
    delete line.cancelQuantity;
    line.canceledQuantityBeforeShipment = 1;
    expect(parseOrderList(body, UTC8)[0]!.items[0]!.cancelledQuantity).toBe(1);
  });
});

describe('the visible order list (cold load)', () => {
  it('maps status words in English and Chinese and reads ship-by in the page zone', () => {
    const orders = parseDomOrderList(
      {
        orders: [
          { parentOrderSn: 'PO-211-1000001', statusText: 'To ship', shipByText: '2026-12-03 10:00:00' },
          { parentOrderSn: 'PO-211-1000002', statusText: '已发货', shipByText: null },
          { parentOrderSn: 'PO-211-1000003', statusText: 'Something new', shipByText: 'soon' },
        ],
      },
      { utcOffsetMinutes: 480 },
    );
    expect(orders.map((o) => [o.orderSn, o.status, o.shipBy])).toEqual([
      ['PO-211-1000001', 'to_ship', Date.UTC(2026, 11, 3, 2, 0)],
      ['PO-211-1000002', 'shipped', null],
      ['PO-211-1000003', 'unknown', null],
    ]);
    expect(orders.every((o) => o.items.length === 0)).toBe(true);
    expect(statusFromText('  CANCELLED ')).toBe('cancelled');
    expect(statusFromText('__proto__')).toBe('unknown');
  });

  it('refuses markup instead of order numbers', () => {
    expect(() => parseDomOrderList({ orders: [{ parentOrderSn: '<img src=x onerror=alert(1)>' }] }, { utcOffsetMinutes: 0 })).toThrow(/shape/);
  });
});
