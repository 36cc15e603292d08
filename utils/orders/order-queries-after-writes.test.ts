import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { makeMixedOrders, makeOrder } from '../../tests/support/order-test-data';
import { AppDb } from '../db/app-db';
import type { OrderRecord, OrderStatus } from '../db/records';
import { compareListOrder, createOrderPredicate } from './order-filter';
import { countOrders, queryOrderKeys, queryOrderPage } from './order-page-query';
import { orderFilterSchema, type OrderFilterInput } from './orders-messages';
import { summarizeOrders } from './orders-summary';

/**
 * The list's kept counts, key lists, scroll marks and loaded rows are carried over writes
 * (order-memo-updates.ts) instead of being read again. Whatever the writes, every answer must be
 * what a fresh read of the store gives: random interleavings of reads and writes, each answer
 * checked against the reference predicate over every stored row.
 */

const HOUR = 3_600_000;
const NOW = Date.UTC(2026, 10, 25, 12, 0);
const STORED = 1_300; // past one scroll mark (every 1,000 entries)
const STATUSES: OrderStatus[] = ['to_ship', 'partially_shipped', 'shipped', 'delivered', 'cancelled', 'pending'];
const FILTERS: OrderFilterInput[] = [
  {},
  { toShip: true },
  { notExported: true },
  { shipByDue: true },
  { shopId: '2002' },
  { toShip: true, notExported: true },
  { orderSnQuery: '12' },
  { orderSnQuery: 'PO-211-000000100' },
  { shipByDue: true, notExported: true, shopId: '1001' },
];

type Read = { kind: 'page' | 'keys' | 'count'; filter: number; offset: number; limit: number } | { kind: 'summary' };
type Write =
  | { kind: 'capture'; count: number; status: number; exported: boolean } // new orders, newest of all
  | { kind: 'old-order'; status: number } // a new order captured "in the past" (an import, a clock change)
  | { kind: 'change'; pick: number; status: number; exported: boolean; shipped: boolean; recaptured: boolean; shop: boolean }
  | { kind: 'delete'; pick: number }
  | { kind: 'export-many'; pick: number; count: number } // one modify in a transaction
  | { kind: 'twice'; pick: number } // one order written twice in one transaction
  | { kind: 'aborted'; pick: number }
  | { kind: 'purge-many'; pick: number; count: number } // more rows than are observed one by one
  | { kind: 'clear' };

const readArb: fc.Arbitrary<Read> = fc.oneof(
  fc.record({
    kind: fc.constantFrom('page' as const, 'keys' as const, 'count' as const),
    filter: fc.nat(FILTERS.length - 1),
    offset: fc.oneof(fc.nat(20), fc.nat(STORED + 20), fc.constantFrom(299, 300, 999, 1_000, 1_001)),
    limit: fc.integer({ min: 1, max: 60 }),
  }),
  fc.constant({ kind: 'summary' as const }),
);
const writeArb: fc.Arbitrary<Write> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('capture' as const), count: fc.integer({ min: 1, max: 5 }), status: fc.nat(5), exported: fc.boolean() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('old-order' as const), status: fc.nat(5) }) },
  {
    weight: 4,
    arbitrary: fc.record({
      kind: fc.constant('change' as const),
      pick: fc.nat(),
      status: fc.nat(5),
      exported: fc.boolean(),
      shipped: fc.boolean(),
      recaptured: fc.boolean(),
      shop: fc.boolean(),
    }),
  },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('delete' as const), pick: fc.nat() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('export-many' as const), pick: fc.nat(), count: fc.integer({ min: 2, max: 40 }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('twice' as const), pick: fc.nat() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('aborted' as const), pick: fc.nat() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('purge-many' as const), pick: fc.nat(), count: fc.integer({ min: 2001, max: 2100 }) }) },
  { weight: 1, arbitrary: fc.constant({ kind: 'clear' as const }) },
);
const stepArb = fc.oneof({ weight: 3, arbitrary: readArb.map((r) => ({ read: r })) }, { weight: 2, arbitrary: writeArb.map((w) => ({ write: w })) });

async function applyWrite(db: AppDb, write: Write, clock: { now: number; next: number }): Promise<void> {
  const keys = (await db.orders.toCollection().primaryKeys()) as string[];
  const pickSn = (pick: number) => keys[pick % keys.length];
  const newSn = () => `PO-211-9${String(clock.next++).padStart(13, '0')}`;
  switch (write.kind) {
    case 'capture': {
      clock.now += HOUR;
      const status = STATUSES[write.status]!;
      const orders = Array.from({ length: write.count }, () =>
        makeOrder({ orderSn: newSn(), capturedAt: clock.now, status, shipBy: NOW + 3 * HOUR, exportedAt: write.exported ? NOW : null, shopId: clock.next % 2 ? '1001' : '2002' }),
      );
      await db.orders.bulkPut(orders);
      return;
    }
    case 'old-order':
      await db.orders.put(makeOrder({ orderSn: newSn(), capturedAt: NOW - 2_000 * HOUR, status: STATUSES[write.status]!, shipBy: NOW - HOUR }));
      return;
    case 'change': {
      const sn = pickSn(write.pick);
      const order = sn && (await db.orders.get(sn));
      if (!order) return;
      if (write.recaptured) clock.now += HOUR;
      await db.orders.put({
        ...order,
        status: STATUSES[write.status]!,
        exportedAt: write.exported ? NOW : null,
        shippedAt: write.shipped ? NOW - HOUR : null,
        capturedAt: write.recaptured ? clock.now : order.capturedAt,
        shopId: write.shop ? (order.shopId === '1001' ? '2002' : '1001') : order.shopId,
      });
      return;
    }
    case 'delete': {
      const sn = pickSn(write.pick);
      if (sn) await db.orders.delete(sn);
      return;
    }
    case 'export-many': {
      const start = write.pick % Math.max(1, keys.length);
      const chosen = keys.slice(start, start + write.count);
      await db.transaction('rw', db.orders, () => db.orders.where('orderSn').anyOf(chosen).modify({ exportedAt: NOW }));
      return;
    }
    case 'twice': {
      const sn = pickSn(write.pick);
      if (!sn) return;
      await db.transaction('rw', db.orders, async () => {
        await db.orders.update(sn, { status: 'shipped', shippedAt: NOW });
        await db.orders.update(sn, { status: 'to_ship', shippedAt: null, exportedAt: null });
      });
      return;
    }
    case 'aborted': {
      const sn = pickSn(write.pick);
      if (!sn) return;
      await db
        .transaction('rw', db.orders, async () => {
          await db.orders.update(sn, { status: 'cancelled', exportedAt: NOW });
          await db.orders.put(makeOrder({ orderSn: newSn(), capturedAt: clock.now + HOUR }));
          throw new Error('abort');
        })
        .catch(() => undefined);
      return;
    }
    case 'purge-many': {
      const chosen = keys.slice(0, write.count);
      const rows = (await db.orders.bulkGet(chosen)).filter((o): o is OrderRecord => o !== undefined);
      // Topped up with new orders so that one request writes more rows than are observed one by one.
      const added = Array.from({ length: write.count - rows.length }, (_, i) =>
        makeOrder({ orderSn: newSn(), capturedAt: NOW - (3_000 + i) * HOUR, status: 'shipped', shippedAt: NOW }),
      );
      await db.orders.bulkPut([...rows.map((o) => ({ ...o, exportedAt: o.exportedAt === null ? NOW : null })), ...added]);
      return;
    }
    case 'clear':
      await db.orders.clear();
      await db.orders.bulkAdd(makeMixedOrders(200, NOW, clock.next++));
      return;
  }
}

async function checkRead(db: AppDb, read: Read): Promise<void> {
  const all = await db.orders.toArray();
  if (read.kind === 'summary') {
    const summary = await summarizeOrders(db, undefined, 5);
    expect(summary.total).toBe(all.length);
    expect(summary.toShip).toBe(all.filter((o) => o.status === 'to_ship' || o.status === 'partially_shipped').length);
    expect(summary.latest.map((r) => [r.orderSn, r.status, r.exportedAt])).toEqual(
      [...all]
        .sort(compareListOrder)
        .slice(0, 5)
        .map((o) => [o.orderSn, o.status, o.exportedAt]),
    );
    return;
  }
  const parsed = orderFilterSchema.parse(FILTERS[read.filter]);
  const expected = all.filter(createOrderPredicate(parsed, NOW)).sort(compareListOrder);
  const where = `${read.kind} ${JSON.stringify(FILTERS[read.filter])} at ${read.offset}`;
  if (read.kind === 'count') {
    expect(await countOrders(db, parsed, NOW), where).toBe(expected.length);
  } else if (read.kind === 'keys') {
    expect(await queryOrderKeys(db, parsed, read.offset, read.limit, NOW), where).toEqual(expected.slice(read.offset, read.offset + read.limit).map((o) => o.orderSn));
  } else {
    const page = await queryOrderPage(db, parsed, read.offset, read.limit, NOW, { withTotal: read.offset % 2 === 0 });
    // Rows are the stored rows now (status, export and ship times included).
    expect(
      page.rows.map((r) => [r.orderSn, r.status, r.exportedAt, r.shippedAt]),
      where,
    ).toEqual(expected.slice(read.offset, read.offset + read.limit).map((o) => [o.orderSn, o.status, o.exportedAt, o.shippedAt]));
    if (page.total !== null) expect(page.total, where).toBe(expected.length);
  }
}

describe('the list after any writes', () => {
  it('answers every read as a fresh read of the store would, whatever writes came between', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(stepArb, { minLength: 10, maxLength: 40 }), fc.nat(1_000), async (steps, seed) => {
        const db = new AppDb(`after-writes-${crypto.randomUUID()}`);
        try {
          await db.orders.bulkAdd(makeMixedOrders(STORED, NOW, seed + 1));
          const clock = { now: NOW, next: 0 };
          for (const step of steps) {
            if ('read' in step) await checkRead(db, step.read);
            else await applyWrite(db, step.write, clock);
          }
        } finally {
          db.close();
        }
      }),
      { numRuns: 25 },
    );
  }, 240_000);
});
