import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { type FakeBuyerReader, type HandlerTestDeps, readerHandlerSetup } from '../../tests/support/handler-test-deps';
import type { AppDb } from '../db/app-db';
import { MessageError } from '../messaging/envelope';
import { orderFilterSchema } from './orders-messages';
import type { HandlerContext } from '../messaging/router';
import { listedBuyerPii, makeOrder, sealedBuyerRow } from '../../tests/support/order-test-data';
import { DAY_MS } from '../retention/retention-rule';
import { LOCAL_KEYS } from '../storage-keys';
import { createOrdersHandlers } from './orders-handlers';

const NOW = Date.UTC(2026, 10, 25, 12, 0);
const ctx: HandlerContext = { actor: 'popup', sender: { id: 'ext' } };

const pii = (name: string) => listedBuyerPii(name);
const buyer = (orderSn: string, purgeAt: number) => sealedBuyerRow(orderSn, purgeAt, NOW - DAY_MS);

let db: AppDb;
let deps: HandlerTestDeps;
let reader: FakeBuyerReader;

beforeEach(async () => {
  ({ deps, db, reader } = await readerHandlerSetup(NOW));
});

const handlers = () => createOrdersHandlers(deps, { openBuyers: reader.openBuyers });

describe('orders/mark-shipped', () => {
  const captured = NOW - 10 * DAY_MS;
  beforeEach(async () => {
    await db.orders.bulkAdd([
      makeOrder({ orderSn: 'PO-NEW', capturedAt: captured, piiState: 'present', purgeAt: captured + 28 * DAY_MS }),
      makeOrder({ orderSn: 'PO-OLD', shippedAt: NOW - 3 * DAY_MS, shippedAtSource: 'captured', piiState: 'present', purgeAt: NOW + 25 * DAY_MS }),
      makeOrder({ orderSn: 'PO-NOPII', capturedAt: captured, piiState: 'purged' }),
    ]);
    await db.buyers.bulkAdd([buyer('PO-NEW', captured + 28 * DAY_MS), buyer('PO-OLD', NOW + 25 * DAY_MS)]);
  });

  it('sets shippedAt=now by the seller, never moves an existing one, recomputes purgeAt (never later)', async () => {
    await fakeBrowser.storage.local.set({ [LOCAL_KEYS.settings]: { retentionDays: 7 } });
    const reply = await handlers()['orders/mark-shipped']({ orderSns: ['PO-NEW', 'PO-OLD', 'PO-NOPII', 'PO-X'] }, ctx);
    expect(reply).toEqual({ marked: ['PO-NEW', 'PO-NOPII'], alreadyShipped: ['PO-OLD'], unknown: ['PO-X'] });

    const [neu, old, nopii] = await db.orders.bulkGet(['PO-NEW', 'PO-OLD', 'PO-NOPII']);
    // 7 days from now is earlier than the stored captured+28d: brought forward, in orders and buyers.
    expect(neu).toMatchObject({ shippedAt: NOW, shippedAtSource: 'seller', purgeAt: NOW + 7 * DAY_MS });
    expect((await db.buyers.get('PO-NEW'))?.purgeAt).toBe(NOW + 7 * DAY_MS);
    expect(old).toMatchObject({ shippedAt: NOW - 3 * DAY_MS, shippedAtSource: 'captured', purgeAt: NOW + 25 * DAY_MS });
    expect(nopii).toMatchObject({ shippedAt: NOW, purgeAt: null });

    const audit = await db.audit.toArray();
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ action: 'orders.mark-shipped', counts: { marked: 2, alreadyShipped: 1, unknown: 1 }, orderSns: ['PO-NEW', 'PO-NOPII'] });
  });

  it('never pushes a purge later than the one stored', async () => {
    await handlers()['orders/mark-shipped']({ orderSns: ['PO-NEW'] }, ctx);
    // now + 28d would be later than captured + 28d: the stored time stays.
    expect((await db.orders.get('PO-NEW'))?.purgeAt).toBe(captured + 28 * DAY_MS);
    expect((await db.buyers.get('PO-NEW'))?.purgeAt).toBe(captured + 28 * DAY_MS);
  });

  it('writes nothing when every order was already shipped', async () => {
    const reply = await handlers()['orders/mark-shipped']({ orderSns: ['PO-OLD'] }, ctx);
    expect(reply.marked).toEqual([]);
    expect(await db.audit.count()).toBe(0);
    expect(deps.notified).toBe(0);
  });
});

describe('orders/find-by-buyer', () => {
  beforeEach(async () => {
    await db.orders.bulkAdd([
      makeOrder({ orderSn: 'PO-1', capturedAt: 1, piiState: 'present' }),
      makeOrder({ orderSn: 'PO-2', capturedAt: 2, piiState: 'present' }),
      makeOrder({ orderSn: 'PO-3', capturedAt: 3, piiState: 'present', shopId: '2002' }),
      makeOrder({ orderSn: 'PO-4', capturedAt: 4, piiState: 'purged' }),
    ]);
    await db.buyers.bulkAdd([buyer('PO-1', NOW + DAY_MS), buyer('PO-2', NOW + DAY_MS), buyer('PO-3', NOW + DAY_MS)]);
    reader.opened = { 'PO-1': { state: 'ok', pii: pii('Élodie Lefèvre') }, 'PO-2': { state: 'ok', pii: pii('Anna') }, 'PO-3': { state: 'ok', pii: pii('elodie x') } };
  });

  it('opens only listed orders with a stored address and answers matching order numbers, in list order', async () => {
    const reply = await handlers()['orders/find-by-buyer']({ query: 'elodie', filter: orderFilterSchema.parse({}) }, ctx);
    expect(reply).toEqual({ orderSns: ['PO-3', 'PO-1'], searched: 3, truncated: false });
    expect(reader.openBuyers).toHaveBeenCalledWith(deps, ['PO-3', 'PO-2', 'PO-1'], 'popup');
  });

  it('respects the other filters', async () => {
    const reply = await handlers()['orders/find-by-buyer']({ query: 'elodie', filter: orderFilterSchema.parse({ shopId: '1001' }) }, ctx);
    expect(reply.orderSns).toEqual(['PO-1']);
    expect(reader.openBuyers).toHaveBeenCalledWith(deps, ['PO-2', 'PO-1'], 'popup');
  });

  it('the result narrows orders/page through filter.orderSns', async () => {
    const page = await handlers()['orders/page']({ filter: orderFilterSchema.parse({ orderSns: ['PO-1', 'PO-3', 'PO-9'] }), offset: 0, limit: 10, withTotal: true }, ctx);
    expect(page.total).toBe(2);
    expect(page.rows.map((r) => r.orderSn)).toEqual(['PO-3', 'PO-1']);
    const none = await handlers()['orders/page']({ filter: orderFilterSchema.parse({ orderSns: [] }), offset: 0, limit: 10, withTotal: true }, ctx);
    expect(none.total).toBe(0);
  });

  it('is refused while locked', async () => {
    reader.openBuyers.mockRejectedValueOnce(new MessageError('locked', 'Vault is locked'));
    await expect(handlers()['orders/find-by-buyer']({ query: 'anna', filter: orderFilterSchema.parse({}) }, ctx)).rejects.toMatchObject({ code: 'locked' });
  });
});
