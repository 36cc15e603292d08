import { describe, expect, it } from 'vitest';
import { AppDb } from './app-db';
import { itemsOfOrders } from './order-items';
import type { ItemRecord } from './records';

const item = (orderSn: string, subOrderSn: string): ItemRecord => ({
  orderSn,
  subOrderSn,
  sku: `SKU-${subOrderSn}`,
  goodsId: null,
  title: 'Mug',
  spec: null,
  quantity: 1,
  cancelledQuantity: 0,
  statusCode: null,
});

describe('itemsOfOrders', () => {
  it('answers every item of exactly the asked orders, once each, whatever the order or repeats of the request', async () => {
    const db = new AppDb(`order-items-${Math.random()}`);
    await db.items.bulkPut([item('PO-1', 'a'), item('PO-1', 'b'), item('PO-2', 'c'), item('PO-3', 'd'), item('PO-10', 'e')]);
    const keys = (items: ItemRecord[]) => items.map((i) => `${i.orderSn}/${i.subOrderSn}`).sort();
    expect(keys(await itemsOfOrders(db, ['PO-3', 'PO-1', 'PO-1', 'PO-404']))).toEqual(['PO-1/a', 'PO-1/b', 'PO-3/d']);
    expect(await itemsOfOrders(db, [])).toEqual([]);
    // Inside a caller's read transaction too (export/prepare reads orders and items together).
    const inTransaction = await db.transaction('r', db.items, () => itemsOfOrders(db, ['PO-10', 'PO-2']));
    expect(keys(inTransaction)).toEqual(['PO-10/e', 'PO-2/c']);
    db.close();
  });
});
