import { beforeEach, describe, expect, it } from 'vitest';
import { makeMixedOrders, makeOrder } from '../../tests/support/order-test-data';
import { AppDb } from '../db/app-db';
import type { OrderRecord } from '../db/records';
import { summarizeOrders } from './orders-summary';

const NOW = Date.UTC(2026, 10, 25, 12, 0);

/** The summary as its words say, over the rows (the reference the index counts must agree with). */
function reference(rows: OrderRecord[], limit: number) {
  return {
    total: rows.length,
    toShip: rows.filter((o) => o.status === 'to_ship' || o.status === 'partially_shipped').length,
    shipped: rows.filter((o) => o.status === 'shipped' || o.status === 'delivered' || o.status === 'partially_delivered').length,
    latest: [...rows]
      .sort((a, b) => b.capturedAt - a.capturedAt || (a.orderSn < b.orderSn ? 1 : -1))
      .slice(0, limit)
      .map((o) => o.orderSn),
  };
}

const shape = (s: Awaited<ReturnType<typeof summarizeOrders>>) => ({ ...s, latest: s.latest.map((r) => r.orderSn) });

let db: AppDb;
beforeEach(async () => {
  db = new AppDb(`summary-${crypto.randomUUID()}`);
  const orders = makeMixedOrders(800, NOW, 5);
  orders.push(makeOrder({ orderSn: 'PO-PD', status: 'partially_delivered', capturedAt: 7 }), makeOrder({ orderSn: 'PO-UNK', status: 'unknown', capturedAt: 8 }));
  await db.orders.bulkAdd(orders);
});

describe('orders summary', () => {
  it('all shops: index counts agree with the rows, and follow every write', async () => {
    expect(shape(await summarizeOrders(db, undefined, 5))).toEqual(reference(await db.orders.toArray(), 5));
    await db.orders.add(makeOrder({ orderSn: 'PO-NEW', status: 'to_ship', capturedAt: NOW }));
    await db.orders.where('status').equals('to_ship').limit(10).modify({ status: 'shipped' });
    await db.orders.delete('PO-PD');
    const after = shape(await summarizeOrders(db, undefined, 5));
    expect(after).toEqual(reference(await db.orders.toArray(), 5));
    expect(after.latest[0]).toBe('PO-NEW');
  });

  it('one shop: the same counts over that shop only', async () => {
    const rows = (await db.orders.toArray()).filter((o) => o.shopId === '2002');
    expect(shape(await summarizeOrders(db, '2002', 20))).toEqual(reference(rows, 20));
    expect((await summarizeOrders(db, 'nobody', 20)).total).toBe(0);
  });
});
