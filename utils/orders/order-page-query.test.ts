import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { AppDb } from '../db/app-db';
import { orderFilterSchema, type OrderFilterInput } from './orders-messages';
import { compareListOrder, createOrderPredicate } from './order-filter';
import { countOrders, queryOrderKeys, queryOrderPage } from './order-page-query';
import { memoOf } from './order-index-reads';
import type { OrderRecord } from '../db/records';
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
        'exportFormat',
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

const mixedSn = (i: number) => `PO-211-${String(10_000_000 + i).padStart(14, '0')}`;

describe('queryOrderPage agrees with the reference predicate on mixed data', () => {
  const filters: OrderFilterInput[] = [
    {},
    { notExported: true },
    { shopId: '2002' },
    { toShip: true },
    { shipByDue: true, utcOffsetMinutes: 480 },
    { shipByDue: true, toShip: true, shopId: '1001', utcOffsetMinutes: -300 },
    { notExported: true, toShip: true },
    { shopId: '2002', notExported: true },
    { shipByDue: true, notExported: true },
    { toShip: true, orderSnQuery: '3' },
    { orderSnQuery: '12' },
    { shopId: '1001', orderSnQuery: '12' },
    { orderSnQuery: 'PO-211-0000001000', notExported: true },
    { orderSnQuery: 'po-211' },
    { orderSns: [mixedSn(3), mixedSn(700), mixedSn(1499), mixedSn(42), 'PO-NOT-STORED'] },
    { orderSns: Array.from({ length: 60 }, (_, i) => mixedSn(i * 20)), toShip: true },
  ];

  // loadMax 10: narrowed sets are not loaded; directMax 0: every window comes from the key list.
  describe.each([
    ['small sets loaded, first rows walked', {}],
    ['first rows walked', { loadMax: 10 }],
    ['key list only', { loadMax: 10, directMax: 0 }],
  ])('%s', (_name, options) => {
    // One store per strategy; a write before each filter starts it with nothing derived kept.
    const orders = makeMixedOrders(1500, NOW, 7);
    let shared: AppDb;
    beforeAll(async () => {
      shared = new AppDb(`test-${crypto.randomUUID()}`);
      await shared.orders.bulkAdd(orders);
    });
    it.each(filters)('filter %j: total, page, count and keys', async (f) => {
      const db = shared;
      await db.orders.put(orders[0]!);
      const parsed = filter(f);
      const expected = orders
        .filter(createOrderPredicate(parsed, NOW))
        .sort(compareListOrder)
        .map((o) => o.orderSn);
      expect(expected.length).toBeGreaterThan(0);

      const page = await queryOrderPage(db, parsed, 3, 40, NOW, options);
      expect(page.total).toBe(expected.length);
      expect(page.rows.map((r) => r.orderSn)).toEqual(expected.slice(3, 43));
      expect(await countOrders(db, parsed, NOW, options)).toBe(expected.length);
      expect(await queryOrderKeys(db, parsed, 0, 100_000, NOW, options)).toEqual(expected);
      expect(await queryOrderKeys(db, parsed, 5, 7, NOW, options)).toEqual(expected.slice(5, 12));
    });
  });
});

describe('the list across a scroll and after writes', () => {
  const pagesOf = async (f: OrderFilterInput, size: number) => {
    const sns: string[] = [];
    for (let offset = 0; ; offset += size) {
      const { rows } = await queryOrderPage(db, filter(f), offset, size, NOW, { withTotal: false });
      sns.push(...rows.map((r) => r.orderSn));
      if (rows.length < size) return sns;
    }
  };
  const expectedOf = async (f: OrderFilterInput) =>
    (await db.orders.toArray())
      .filter(createOrderPredicate(filter(f), NOW))
      .sort(compareListOrder)
      .map((o) => o.orderSn);

  beforeEach(async () => {
    await db.orders.bulkAdd(makeMixedOrders(1300, NOW, 11));
  });

  it.each<OrderFilterInput>([{}, { toShip: true }, { notExported: true }, { shopId: '1001', toShip: true }])(
    'filter %j: pages read in turn (first rows walked, then the key list) are the list, each row once',
    async (f) => {
      const expected = await expectedOf(f);
      // 120-row pages cross the walked/listed boundary (DIRECT_MAX) mid-way.
      expect(await pagesOf(f, 120)).toEqual(expected);
      // Jumping straight to the end, back to the top, then the middle.
      const last = await queryOrderPage(db, filter(f), expected.length - 5, 100, NOW);
      expect(last.rows.map((r) => r.orderSn)).toEqual(expected.slice(-5));
      expect((await queryOrderPage(db, filter(f), 0, 10, NOW)).rows.map((r) => r.orderSn)).toEqual(expected.slice(0, 10));
      const mid = Math.floor(expected.length / 2);
      expect(await queryOrderKeys(db, filter(f), mid, 50, NOW)).toEqual(expected.slice(mid, mid + 50));
    },
  );

  it('a write after the list was read shows at once: new order, marked shipped, exported, removed', async () => {
    const toShip = filter({ toShip: true });
    const before = await expectedOf({ toShip: true });
    // Read deep, so the to-ship list and its counts are built and kept.
    expect(await queryOrderKeys(db, toShip, 400, 5, NOW)).toEqual(before.slice(400, 405));
    expect(await countOrders(db, toShip, NOW)).toBe(before.length);
    expect(await countOrders(db, filter({}), NOW)).toBe(1300);

    await db.orders.add(makeOrder({ orderSn: 'PO-NEWEST', capturedAt: NOW, status: 'to_ship' }));
    expect(await queryOrderKeys(db, toShip, 0, 2, NOW)).toEqual(['PO-NEWEST', before[0]]);
    expect(await countOrders(db, toShip, NOW)).toBe(before.length + 1);
    expect(await countOrders(db, filter({}), NOW)).toBe(1301);

    // Marked shipped (status unchanged, a ship time set): out of "to ship", everywhere in the list.
    const marked = before[450]!;
    await db.orders.update(marked, { shippedAt: NOW, shippedAtSource: 'seller' });
    expect(await countOrders(db, toShip, NOW)).toBe(before.length);
    const after = ['PO-NEWEST', ...before.filter((sn) => sn !== marked)];
    expect(await queryOrderKeys(db, toShip, 0, 100_000, NOW)).toEqual(after);
    // Around the gap it left: list positions 450 and 451 were before[449] and before[450].
    expect((await queryOrderPage(db, toShip, 450, 2, NOW)).rows.map((r) => r.orderSn)).toEqual([before[449], before[451]]);

    // Exported inside a transaction (as export/record writes): out of "not exported".
    const notExported = filter({ notExported: true });
    const open = await expectedOf({ notExported: true });
    expect(await countOrders(db, notExported, NOW)).toBe(open.length);
    await db.transaction('rw', db.orders, () => db.orders.where('orderSn').anyOf(open.slice(0, 3)).modify({ exportedAt: NOW }));
    expect(await countOrders(db, notExported, NOW)).toBe(open.length - 3);
    expect((await queryOrderPage(db, notExported, 0, 2, NOW)).rows.map((r) => r.orderSn)).toEqual(open.slice(3, 5));

    await db.orders.delete('PO-NEWEST');
    expect(await queryOrderKeys(db, toShip, 0, 1, NOW)).toEqual([before[0]]);
    await db.orders.clear();
    expect(await countOrders(db, toShip, NOW)).toBe(0);
    expect((await queryOrderPage(db, filter({}), 500, 10, NOW)).rows).toEqual([]);
  });

  it('pages deep in a one-range list (read from marks) are exact inside runs of equal capture times', async () => {
    await db.orders.clear();
    // Captures of 700 orders share one time: the marks every 1,000 entries fall inside runs.
    const orders = Array.from({ length: 2100 }, (_, i) =>
      makeOrder({ orderSn: `PO-9-${String((i * 7919) % 2100).padStart(5, '0')}`, capturedAt: 1_000 + Math.floor(i / 700), shopId: i % 2 ? '1001' : '2002' }),
    );
    await db.orders.bulkAdd(orders);
    const offsets = [0, 300, 999, 1000, 1001, 1399, 1400, 2001, 2099];
    for (const f of [{}, { shopId: '2002' }] as OrderFilterInput[]) {
      const expected = await expectedOf(f);
      // Marks read as far as asked, resumed further down; then (after a write) straight to the end and back up.
      for (const order of [offsets, [...offsets].reverse()]) {
        await db.orders.put(orders[0]!);
        for (const offset of order) {
          const page = await queryOrderPage(db, filter(f), offset, 37, NOW, { withTotal: false });
          expect(
            page.rows.map((r) => r.orderSn),
            `${JSON.stringify(f)} at ${offset}`,
          ).toEqual(expected.slice(offset, offset + 37));
        }
        expect((await queryOrderPage(db, filter(f), expected.length + 5, 10, NOW)).rows).toEqual([]);
      }
    }
  }, 60_000);

  it('the to-ship list is the same read from its own index ranges or from the full list already read', async () => {
    const toShip = filter({ toShip: true });
    const merged = await queryOrderKeys(db, toShip, 0, 100_000, NOW, { directMax: 0 });
    expect(merged).toEqual(await expectedOf({ toShip: true }));
    const [any] = await db.orders.limit(1).toArray();
    await db.orders.put(any!); // a write: everything derived is read again
    expect(await queryOrderKeys(db, filter({}), 0, 100_000, NOW)).toHaveLength(1300);
    expect(await queryOrderKeys(db, toShip, 0, 100_000, NOW, { directMax: 0 })).toEqual(merged);
  });

  it('a row read for a page is the stored row now, not a copy from when the list was built', async () => {
    const [first] = await expectedOf({});
    await queryOrderKeys(db, filter({}), 0, 100_000, NOW);
    await db.orders.update(first!, { piiState: 'purged', addressReview: 'changed' });
    const [row] = (await queryOrderPage(db, filter({}), 0, 1, NOW)).rows;
    expect(row).toMatchObject({ orderSn: first, piiState: 'purged', addressReview: 'changed' });
  });
});

describe('kept reads carried over writes (no recount after a capture)', () => {
  const listOf = async (f: OrderFilterInput) =>
    (await db.orders.toArray())
      .filter(createOrderPredicate(filter(f), NOW))
      .sort(compareListOrder)
      .map((o) => o.orderSn);
  let captured = 0;
  const capture = (over: Partial<OrderRecord> = {}) =>
    db.orders.bulkPut(
      Array.from({ length: 3 }, () =>
        makeOrder({ orderSn: `PO-9-${String(captured++).padStart(6, '0')}`, capturedAt: NOW + captured * HOUR, shopId: '2002', status: 'to_ship', shipBy: NOW, ...over }),
      ),
    );

  beforeEach(async () => {
    captured = 0;
    await db.orders.bulkAdd(makeMixedOrders(2300, NOW, 5));
  });

  it('deep pages read from scroll marks stay exact as orders come in above, leave, and move', async () => {
    for (const f of [{}, { shopId: '1001' }] as OrderFilterInput[]) {
      const page = async (offset: number) => (await queryOrderPage(db, filter(f), offset, 20, NOW, { withTotal: false })).rows.map((r) => r.orderSn);
      const check = async () => {
        const expected = await listOf(f);
        for (const offset of [0, 2, 1_001, 1_500, expected.length - 10])
          expect(await page(offset), `${JSON.stringify(f)} at ${offset}`).toEqual(expected.slice(offset, offset + 20));
      };
      await check(); // marks read down to the end
      await capture({ shopId: '1001' });
      expect(memoOf(db).peek(`marks:${f.shopId ? 'shop:1001' : 'all'}`)).toBeDefined(); // carried, not read again
      await check();
      const listed = await listOf(f);
      await db.orders.delete(listed[Math.floor(listed.length * 0.4)]!); // between marks
      await check();
      const moved = listed[Math.floor(listed.length * 0.8)]!;
      await db.orders.update(moved, { capturedAt: NOW + 10_000 * HOUR }); // recaptured: to the top
      await check();
      // The order a mark stands on leaves: the marks from it on are read again.
      const marks = memoOf(db).peek<{ list: { orderSn: string }[] }>(`marks:${f.shopId ? 'shop:1001' : 'all'}`);
      await db.orders.delete(marks!.list[1]!.orderSn);
      await check();
    }
  }, 90_000);

  it('a key list takes new orders at its front, and is read again when an order lands deeper', async () => {
    const toShip = filter({ toShip: true });
    expect(await queryOrderKeys(db, toShip, 0, 100_000, NOW)).toEqual(await listOf({ toShip: true }));
    await capture();
    expect(memoOf(db).peek<string[]>(`keys:statuses:to_ship,partially_shipped`)?.slice(0, 3)).toEqual(['PO-9-000002', 'PO-9-000001', 'PO-9-000000']);
    expect(await queryOrderKeys(db, toShip, 0, 100_000, NOW)).toEqual(await listOf({ toShip: true }));
    // An order captured long ago (an import): its place is not the front.
    await db.orders.put(makeOrder({ orderSn: 'PO-OLD', capturedAt: NOW - 10_000 * HOUR, status: 'to_ship' }));
    const keys = await queryOrderKeys(db, toShip, 0, 100_000, NOW);
    expect(keys).toEqual(await listOf({ toShip: true }));
    expect(keys.at(-1)).toBe('PO-OLD');
  }, 60_000);

  it('counts, sets and loaded rows follow captures, exports and ship marks', async () => {
    const filters: OrderFilterInput[] = [
      {},
      { toShip: true },
      { notExported: true },
      { shipByDue: true },
      { shopId: '2002' },
      { toShip: true, notExported: true },
      { orderSnQuery: '12' },
    ];
    const check = async () => {
      for (const f of filters) {
        const expected = await listOf(f);
        expect(await countOrders(db, filter(f), NOW), JSON.stringify(f)).toBe(expected.length);
        expect(
          (await queryOrderPage(db, filter(f), 0, 50, NOW)).rows.map((r) => r.orderSn),
          JSON.stringify(f),
        ).toEqual(expected.slice(0, 50));
        expect(await queryOrderKeys(db, filter(f), 0, 100_000, NOW), JSON.stringify(f)).toEqual(expected);
      }
    };
    await check();
    await capture();
    expect(memoOf(db).peek('count:all')).toBe(2303); // carried: no recount
    await check();
    const due = await listOf({ shipByDue: true });
    await db.transaction('rw', db.orders, () => db.orders.where('orderSn').anyOf(due.slice(0, 4)).modify({ exportedAt: NOW }));
    await db.orders.update(due[5]!, { shippedAt: NOW, shippedAtSource: 'seller' });
    await check();
    // An order captured long ago: the key lists are read again, from the key sets carried so far.
    await db.orders.put(makeOrder({ orderSn: 'PO-OLD', capturedAt: NOW - 10_000 * HOUR, status: 'to_ship', shipBy: NOW - HOUR }));
    await check();
  }, 60_000);
});

describe('withTotal: false', () => {
  it('answers the rows without counting a walk, and counts on request', async () => {
    await db.orders.bulkAdd(makeMixedOrders(300, NOW, 2));
    const walk = await queryOrderPage(db, filter({}), 0, 10, NOW, { withTotal: false });
    expect(walk.total).toBeNull();
    expect(walk.rows).toHaveLength(10);
    expect(await countOrders(db, filter({}), NOW)).toBe(300);
    // A small set already loaded (ship-by due, once counted) knows its total, and so does a list already built.
    const due = filter({ shipByDue: true });
    expect((await queryOrderPage(db, due, 0, 10, NOW, { withTotal: false })).total).toBeNull();
    const dueCount = await countOrders(db, due, NOW);
    expect((await queryOrderPage(db, due, 0, 10, NOW, { withTotal: false })).total).toBe(dueCount);
    expect((await queryOrderPage(db, filter({ shopId: '2002' }), 0, 10, NOW, { withTotal: false })).total).toBeNull();
    await queryOrderKeys(db, filter({ shopId: '2002' }), 0, 100_000, NOW);
    expect((await queryOrderPage(db, filter({ shopId: '2002' }), 0, 10, NOW, { withTotal: false })).total).toBe(await countOrders(db, filter({ shopId: '2002' }), NOW));
  });
});
