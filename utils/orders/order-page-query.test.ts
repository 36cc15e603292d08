import { beforeEach, describe, expect, it } from 'vitest';
import { AppDb } from '../db/app-db';
import { orderFilterSchema, type OrderFilterInput } from './orders-messages';
import { compareListOrder, createOrderPredicate } from './order-filter';
import { countOrders, queryOrderKeys, queryOrderPage } from './order-page-query';
import { makeMixedOrders, makeOrder } from '../../tests/support/order-test-data';

const HOUR = 3_600_000;
const NOW = Date.UTC(2026, 10, 25, 12, 0);
const filter = (f: OrderFilterInput) => orderFilterSchema.parse(f);

let db: AppDb;
beforeEach(() => {
  db = new AppDb(`test-${crypto.randomUUID()}`);
});

describe('queryOrderPage on specific orders', () => {
  beforeEach(async () => {
    await db.orders.bulkAdd([
      makeOrder({ orderSn: 'PO-1', shopId: 'A', capturedAt: 10, shipBy: NOW - 5 * HOUR }), // overdue
      makeOrder({ orderSn: 'PO-2', shopId: 'A', capturedAt: 20, shipBy: NOW + 5 * HOUR }), // 17:00Z: today in UTC, tomorrow in Shanghai
      makeOrder({ orderSn: 'PO-3', shopId: 'B', capturedAt: 30, shipBy: NOW + 30 * HOUR }), // tomorrow
      makeOrder({ orderSn: 'PO-4', shopId: 'B', capturedAt: 40, shipBy: NOW - HOUR, shippedAt: NOW - 2 * HOUR, status: 'shipped' }),
      makeOrder({ orderSn: 'PO-5', shopId: 'A', capturedAt: 50, exportedAt: NOW - HOUR, status: 'cancelled', shipBy: NOW - HOUR }),
      makeOrder({ orderSn: 'PO-6', shopId: 'A', capturedAt: 50, status: 'partially_shipped' }),
    ]);
  });

  const sns = async (f: OrderFilterInput, offset = 0, limit = 100) => (await queryOrderPage(db, filter(f), offset, limit, NOW)).rows.map((r) => r.orderSn);

  it('lists everything newest capture first, ties by order number', async () => {
    const page = await queryOrderPage(db, filter({}), 0, 100, NOW);
    expect(page.total).toBe(6);
    expect(page.rows.map((r) => r.orderSn)).toEqual(['PO-6', 'PO-5', 'PO-4', 'PO-3', 'PO-2', 'PO-1']);
  });

  it('pages with offset and limit and keeps the total', async () => {
    const page = await queryOrderPage(db, filter({}), 2, 2, NOW);
    expect(page).toMatchObject({ total: 6 });
    expect(page.rows.map((r) => r.orderSn)).toEqual(['PO-4', 'PO-3']);
    expect((await queryOrderPage(db, filter({ shopId: 'A' }), 10, 5, NOW)).rows).toEqual([]);
  });

  it('filters by shop', async () => {
    expect(await sns({ shopId: 'B' })).toEqual(['PO-4', 'PO-3']);
  });

  it('to ship = not shipped and status to ship / partially shipped', async () => {
    expect(await sns({ toShip: true })).toEqual(['PO-6', 'PO-3', 'PO-2', 'PO-1']);
  });

  it('not exported (walk path) with an exact total', async () => {
    const page = await queryOrderPage(db, filter({ notExported: true }), 0, 2, NOW);
    expect(page.total).toBe(5);
    expect(page.rows.map((r) => r.orderSn)).toEqual(['PO-6', 'PO-4']);
  });

  it('ship-by today or overdue depends on the seller time zone', async () => {
    // UTC seller: the day ends at 00:00Z, so PO-2 (17:00Z) is due today; shipped/cancelled are not listed.
    expect(await sns({ shipByDue: true, utcOffsetMinutes: 0 })).toEqual(['PO-2', 'PO-1']);
    // Shanghai seller: it is 20:00 and the day ends at 16:00Z: PO-2 (01:00 local) is due tomorrow.
    expect(await sns({ shipByDue: true, utcOffsetMinutes: 480 })).toEqual(['PO-1']);
    // Los Angeles seller: it is 04:00 and the day ends 08:00Z next day: PO-3 (18:00Z tomorrow) still not.
    expect(await sns({ shipByDue: true, utcOffsetMinutes: -480 })).toEqual(['PO-2', 'PO-1']);
  });

  it('searches order numbers by part, case-insensitively, and by PO- prefix', async () => {
    expect(await sns({ orderSnQuery: '5' })).toEqual(['PO-5']);
    expect(await sns({ orderSnQuery: 'po-' })).toHaveLength(6);
    expect(await sns({ orderSnQuery: 'PO-3' })).toEqual(['PO-3']);
    expect(await sns({ orderSnQuery: 'nothing' })).toEqual([]);
  });

  it('combines filters (AND)', async () => {
    expect(await sns({ shopId: 'A', toShip: true, notExported: true })).toEqual(['PO-6', 'PO-2', 'PO-1']);
    expect(await sns({ shopId: 'A', shipByDue: true, orderSnQuery: '2' })).toEqual(['PO-2']);
  });

  it('returns non-personal summary rows only', async () => {
    const [row] = (await queryOrderPage(db, filter({ orderSnQuery: 'PO-1' }), 0, 1, NOW)).rows;
    expect(Object.keys(row!).sort()).toEqual(
      [
        'addressReview',
        'capturedAt',
        'createdAt',
        'exportedAt',
        'heldPageFact',
        'itemCount',
        'orderSn',
        'packages',
        'piiState',
        'purgeAt',
        'shipBy',
        'shippedAt',
        'shopId',
        'status',
        'timesUncertain',
      ].sort(),
    );
  });
});

describe('queryOrderPage agrees with the reference predicate on mixed data', () => {
  const filters: OrderFilterInput[] = [
    {},
    { notExported: true },
    { shopId: '2002' },
    { toShip: true },
    { shipByDue: true, utcOffsetMinutes: 480 },
    { shipByDue: true, toShip: true, shopId: '1001', utcOffsetMinutes: -300 },
    { notExported: true, toShip: true },
    { orderSnQuery: '12' },
    { orderSnQuery: 'PO-211-0000001000', notExported: true },
  ];

  // loadMax 10 forces the filtered newest-first walk wherever a filter narrows the list.
  describe.each([
    ['index range loaded', undefined],
    ['filtered walk', 10],
  ])('%s', (_name, loadMax) => {
    it.each(filters)('filter %j: total, page, count and keys', async (f) => {
      const orders = makeMixedOrders(1500, NOW, 7);
      await db.orders.bulkAdd(orders);
      const parsed = filter(f);
      const expected = orders
        .filter(createOrderPredicate(parsed, NOW))
        .sort(compareListOrder)
        .map((o) => o.orderSn);
      expect(expected.length).toBeGreaterThan(0);

      const page = await queryOrderPage(db, parsed, 3, 40, NOW, { loadMax });
      expect(page.total).toBe(expected.length);
      expect(page.rows.map((r) => r.orderSn)).toEqual(expected.slice(3, 43));
      expect(await countOrders(db, parsed, NOW, { loadMax })).toBe(expected.length);
      expect(await queryOrderKeys(db, parsed, 0, 100_000, NOW, { loadMax })).toEqual(expected);
      expect(await queryOrderKeys(db, parsed, 5, 7, NOW, { loadMax })).toEqual(expected.slice(5, 12));
    });
  });
});

describe('withTotal: false', () => {
  it('answers the rows without counting a walk, and counts on request', async () => {
    await db.orders.bulkAdd(makeMixedOrders(300, NOW, 2));
    const walk = await queryOrderPage(db, filter({}), 0, 10, NOW, { withTotal: false });
    expect(walk.total).toBeNull();
    expect(walk.rows).toHaveLength(10);
    expect(await countOrders(db, filter({}), NOW)).toBe(300);
    // A loaded range knows its total anyway.
    const loaded = await queryOrderPage(db, filter({ shopId: '2002' }), 0, 10, NOW, { withTotal: false });
    expect(loaded.total).toBe(await countOrders(db, filter({ shopId: '2002' }), NOW));
  });
});
