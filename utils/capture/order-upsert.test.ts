import { beforeEach, describe, expect, it } from 'vitest';
import { makeOrder, makeOrders, orderListResponse } from '../../tests/fixtures/order-fixtures';
import { AppDb } from '../db/app-db';
import { DAY_MS } from '../retention/retention-rule';
import { parseOrderList, type CapturedOrder } from './order-list-parser';
import { ensureOrdersExist, upsertCapturedOrders } from './order-upsert';

const T0 = Date.UTC(2026, 10, 20, 9, 0, 0);
let db: AppDb;
beforeEach(() => {
  db = new AppDb(`test-${crypto.randomUUID()}`);
});

const ctxAt = (now: number) => ({ shopId: '634418212', now, retentionDays: 28, actor: 'content' as const });
const parse = (orders = makeOrders(5, { now: T0 }), now = T0) => parseOrderList(orderListResponse(orders), { now, zone: { utcOffsetMinutes: 0 } });
const captured = (orderSn: string, over: Partial<CapturedOrder> = {}): CapturedOrder => ({
  orderSn,
  status: 'to_ship',
  statusCode: 2,
  createdAt: T0 - DAY_MS,
  shipBy: T0 + 2 * DAY_MS,
  shippedAt: null,
  deliveredAt: null,
  timesUncertain: false,
  packages: [],
  items: [{ orderSn, subOrderSn: `${orderSn}-A`, sku: 'A', goodsId: null, title: 'Mug', spec: null, quantity: 1, cancelledQuantity: 0, statusCode: 2 }],
  ...over,
});

describe('upsertCapturedOrders', () => {
  it('is idempotent: the same page twice updates, never duplicates', async () => {
    const page = parse();
    const first = await upsertCapturedOrders(db, page, ctxAt(T0));
    expect(first).toMatchObject({ created: 5, updated: 0 });
    const itemsAfterFirst = await db.items.count();
    const second = await upsertCapturedOrders(db, page, ctxAt(T0 + 60_000));
    expect(second).toMatchObject({ created: 0, updated: 5 });
    expect(await db.orders.count()).toBe(5);
    expect(await db.items.count()).toBe(itemsAfterFirst);
    const row = await db.orders.get(page[0]!.orderSn);
    expect(row).toMatchObject({ capturedAt: T0, updatedAt: T0 + 60_000, shopId: '634418212', itemCount: page[0]!.items.length, piiState: 'none' });
  });

  it('moves status forward, ignores a stale earlier status, always takes cancellation', async () => {
    await upsertCapturedOrders(db, [captured('PO-1')], ctxAt(T0));
    await upsertCapturedOrders(db, [captured('PO-1', { status: 'shipped', statusCode: 4, shippedAt: T0 + DAY_MS })], ctxAt(T0 + DAY_MS));
    expect((await db.orders.get('PO-1'))!.status).toBe('shipped');
    await upsertCapturedOrders(db, [captured('PO-1', { status: 'to_ship', statusCode: 2 })], ctxAt(T0 + 2 * DAY_MS));
    expect(await db.orders.get('PO-1')).toMatchObject({ status: 'shipped', statusCode: 4, shippedAt: T0 + DAY_MS });
    await upsertCapturedOrders(db, [captured('PO-1', { status: 'unknown', statusCode: 99 })], ctxAt(T0 + 3 * DAY_MS));
    expect((await db.orders.get('PO-1'))!.status).toBe('shipped');
    await upsertCapturedOrders(db, [captured('PO-1', { status: 'cancelled', statusCode: 3 })], ctxAt(T0 + 4 * DAY_MS));
    expect((await db.orders.get('PO-1'))!.status).toBe('cancelled');
  });

  it('never moves shippedAt later once set, but takes an earlier one', async () => {
    await upsertCapturedOrders(db, [captured('PO-2', { status: 'shipped', shippedAt: T0 })], ctxAt(T0));
    await upsertCapturedOrders(db, [captured('PO-2', { status: 'shipped', shippedAt: T0 + 5 * DAY_MS })], ctxAt(T0 + 5 * DAY_MS));
    expect((await db.orders.get('PO-2'))!.shippedAt).toBe(T0);
    await upsertCapturedOrders(db, [captured('PO-2', { status: 'shipped', shippedAt: T0 - DAY_MS })], ctxAt(T0 + 6 * DAY_MS));
    expect(await db.orders.get('PO-2')).toMatchObject({ shippedAt: T0 - DAY_MS, shippedAtSource: 'captured' });
  });

  it('updates items in place and counts the union of sub-orders', async () => {
    await upsertCapturedOrders(db, [captured('PO-3')], ctxAt(T0));
    const more = captured('PO-3');
    more.items = [
      { ...more.items[0]!, quantity: 4, title: 'Mug (blue)' },
      { ...more.items[0]!, subOrderSn: 'PO-3-B', sku: 'B' },
    ];
    await upsertCapturedOrders(db, [more], ctxAt(T0 + 1));
    expect(await db.items.where('orderSn').equals('PO-3').count()).toBe(2);
    expect(await db.items.get(['PO-3', 'PO-3-A'])).toMatchObject({ quantity: 4, title: 'Mug (blue)' });
    // A later page listing only one line does not shrink the count.
    await upsertCapturedOrders(db, [captured('PO-3')], ctxAt(T0 + 2));
    expect((await db.orders.get('PO-3'))!.itemCount).toBe(2);
  });

  it('keeps exportedAt/piiState and brings a held address purge forward when shipping is captured', async () => {
    await upsertCapturedOrders(db, [captured('PO-4')], ctxAt(T0));
    const farPurge = T0 + 28 * DAY_MS;
    await db.orders.update('PO-4', { piiState: 'present', purgeAt: farPurge, exportedAt: T0 + 10, exportFormat: 'pdf-4x6' });
    await db.buyers.add({ orderSn: 'PO-4', shopId: '634418212', purgeAt: farPurge, capturedAt: T0, source: 'api', sealed: new Uint8Array([1]) });

    const shippedAt = T0 - 3 * DAY_MS; // shipped before we first saw it
    const out = await upsertCapturedOrders(db, [captured('PO-4', { status: 'shipped', shippedAt })], ctxAt(T0 + DAY_MS));
    expect(out.purgeMoved).toBe(1);
    const row = (await db.orders.get('PO-4'))!;
    expect(row).toMatchObject({ exportedAt: T0 + 10, exportFormat: 'pdf-4x6', piiState: 'present', purgeAt: shippedAt + 28 * DAY_MS });
    expect((await db.buyers.get('PO-4'))!.purgeAt).toBe(shippedAt + 28 * DAY_MS);

    // A later (wrong) shipping time never pushes the purge back.
    await upsertCapturedOrders(db, [captured('PO-4', { status: 'delivered', shippedAt: T0 + 2 * DAY_MS })], ctxAt(T0 + 3 * DAY_MS));
    expect((await db.buyers.get('PO-4'))!.purgeAt).toBe(shippedAt + 28 * DAY_MS);
  });

  it('writes one audit entry with order numbers and counts only', async () => {
    const orders = makeOrders(3, { now: T0 });
    await upsertCapturedOrders(db, parse(orders), ctxAt(T0));
    const audit = await db.audit.toArray();
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ action: 'capture.orders', actor: 'content', orderSns: orders.map((o) => o.parentOrderSn), counts: { orders: 3, created: 3 } });
    const text = JSON.stringify(audit);
    for (const o of orders) expect(text).not.toContain(o.buyer.name);
  });

  it('rolls back the whole batch when a write fails', async () => {
    const page = parse([makeOrder({ index: 1, now: T0 }), makeOrder({ index: 2, now: T0 })]);
    page[1]!.items[0]!.subOrderSn = undefined as unknown as string; // invalid key → bulkPut throws
    await expect(upsertCapturedOrders(db, page, ctxAt(T0))).rejects.toThrow();
    expect(await db.orders.count()).toBe(0);
    expect(await db.audit.count()).toBe(0);
  });
});

describe('ensureOrdersExist', () => {
  it('creates unknown-status placeholders only for missing orders', async () => {
    await upsertCapturedOrders(db, [captured('PO-5')], ctxAt(T0));
    expect(await ensureOrdersExist(db, ['PO-5', 'PO-6', 'PO-6'], { shopId: '634418212', now: T0, actor: 'content' })).toBe(1);
    expect(await db.orders.get('PO-6')).toMatchObject({ status: 'unknown', piiState: 'none', itemCount: 0 });
    expect((await db.orders.get('PO-5'))!.status).toBe('to_ship');
  });
});

describe('page-sourced facts (trust: page)', () => {
  it('fill gaps but never overwrite times the API gave, and never add lines to a stored order', async () => {
    const db = new AppDb(`upsert-page-${crypto.randomUUID()}`);
    await upsertCapturedOrders(db, [captured('PO-P')], { ...ctxAt(T0), trust: 'api' });
    const before = await db.orders.get('PO-P');
    const forged = captured('PO-P', {
      createdAt: T0 - 30 * DAY_MS,
      shipBy: T0 + 30 * DAY_MS,
      items: [{ orderSn: 'PO-P', subOrderSn: 'PO-P-FORGED', sku: 'X', goodsId: null, title: 'forged', spec: null, quantity: 9, cancelledQuantity: 0, statusCode: 2 }],
    });
    await upsertCapturedOrders(db, [forged], { ...ctxAt(T0 + 1), trust: 'page' });
    const after = await db.orders.get('PO-P');
    expect(after).toMatchObject({ createdAt: before!.createdAt, shipBy: before!.shipBy, itemCount: before!.itemCount });
    expect((await db.items.where('orderSn').equals('PO-P').toArray()).map((i) => i.subOrderSn)).toEqual(['PO-P-A']);
  });
});
