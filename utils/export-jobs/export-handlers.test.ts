import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { BackgroundDeps } from '../background/background-deps';
import type { BuyerPii } from '../vault/buyer-pii';
import { AppDb } from '../db/app-db';
import type { BuyerRecord } from '../db/records';
import { MessageError } from '../messaging/envelope';
import { orderFilterSchema } from '../orders/orders-messages';
import type { BuyerOpenResult } from '../vault/vault-messages';
import type { HandlerContext } from '../messaging/router';
import { makeOrder } from '../../tests/support/order-test-data';
import { DAY_MS } from '../retention/retention-rule';
import { LOCAL_KEYS } from '../storage-keys';
import { createExportHandlers, type OpenBuyers } from './export-handlers';
import { makeBuyerPii } from '../../tests/support/buyer-pii-test-data';

const NOW = Date.UTC(2026, 10, 25, 12, 0);
const ctx: HandlerContext = { actor: 'popup', sender: { id: 'ext' } };

function pii(name: string): BuyerPii {
  return makeBuyerPii({ name, email: null, addressLine1: '1 Main St' });
}

function buyer(orderSn: string, purgeAt: number): BuyerRecord {
  return { orderSn, shopId: '1001', purgeAt, capturedAt: NOW - DAY_MS, source: 'api', sealed: new Uint8Array([1]) };
}

let db: AppDb;
let deps: BackgroundDeps;
let notified: number;
let opened: Record<string, BuyerOpenResult>;
let openBuyers: ReturnType<typeof vi.fn<OpenBuyers>>;

beforeEach(async () => {
  db = new AppDb('test-' + crypto.randomUUID());
  notified = 0;
  deps = { db, now: () => NOW, notifyChanged: async () => void notified++ };
  opened = {};
  openBuyers = vi.fn<OpenBuyers>(async (_d, sns) => ({ results: Object.fromEntries(sns.map((sn) => [sn, opened[sn] ?? { state: 'none' }])) }));
  await fakeBrowser.storage.local.set({
    [LOCAL_KEYS.settings]: { retentionDays: 28, labelSheetLayout: '2up', returnAddress: { name: 'Acme Shop', city: 'Shenzhen' } },
  });
});

const handlers = () => createExportHandlers(deps, { openBuyers });

describe('export/prepare', () => {
  beforeEach(async () => {
    await db.orders.bulkAdd([
      makeOrder({ orderSn: 'PO-A', shipBy: NOW + DAY_MS, piiState: 'present', purgeAt: NOW + 20 * DAY_MS }),
      makeOrder({ orderSn: 'PO-B', piiState: 'purged' }),
      makeOrder({ orderSn: 'PO-C', piiState: 'present', purgeAt: NOW + 5 * DAY_MS }),
    ]);
    await db.items.bulkAdd([
      { orderSn: 'PO-A', subOrderSn: '2', sku: 'SKU-2', goodsId: null, title: 'Mug', spec: 'Blue', quantity: 2, cancelledQuantity: 0, statusCode: 2 },
      { orderSn: 'PO-A', subOrderSn: '1', sku: 'SKU-1', goodsId: null, title: 'Cup', spec: null, quantity: 3, cancelledQuantity: 1, statusCode: 2 },
      { orderSn: 'PO-A', subOrderSn: '3', sku: 'SKU-3', goodsId: null, title: 'Gone', spec: null, quantity: 1, cancelledQuantity: 1, statusCode: 3 },
      { orderSn: 'PO-C', subOrderSn: '9', sku: null, goodsId: null, title: '茶杯', spec: null, quantity: 1, cancelledQuantity: 0, statusCode: 2 },
    ]);
    opened = { 'PO-A': { state: 'ok', pii: pii('Ana Müller') }, 'PO-C': { state: 'cannot-decrypt' } };
  });

  it('joins PII, lines still to pack and the return address; skips the rest with reasons', async () => {
    const out = await handlers()['export/prepare']({ orderSns: ['PO-A', 'PO-B', 'PO-C', 'PO-X', 'PO-A'], format: 'pdf-4x6' }, ctx);
    expect(openBuyers).toHaveBeenCalledWith(deps, ['PO-A', 'PO-B', 'PO-C', 'PO-X'], 'popup');
    expect(out.labels).toHaveLength(1);
    const [label] = out.labels;
    expect(label).toMatchObject({ orderSn: 'PO-A', shopId: '1001', shipBy: NOW + DAY_MS, shipTo: { name: 'Ana Müller' } });
    expect(label!.shipFrom).toMatchObject({ name: 'Acme Shop', city: 'Shenzhen', addressLine1: '' });
    expect(label!.items).toEqual([
      { sku: 'SKU-1', title: 'Cup', spec: null, quantity: 2 },
      { sku: 'SKU-2', title: 'Mug', spec: 'Blue', quantity: 2 },
    ]);
    expect(out.skipped).toEqual([
      { orderSn: 'PO-B', reason: 'no-buyer-data' },
      { orderSn: 'PO-C', reason: 'cannot-decrypt' },
      { orderSn: 'PO-X', reason: 'unknown-order' },
    ]);
    expect(out).toMatchObject({ labelSheetLayout: '2up', csvCustomColumns: [], at: NOW });
  });

  it('writes one export audit entry with format, counts and order numbers, no PII', async () => {
    await handlers()['export/prepare']({ orderSns: ['PO-A', 'PO-B'], format: 'csv-generic' }, ctx);
    const audit = await db.audit.toArray();
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ action: 'export', actor: 'popup', detail: 'csv-generic', counts: { orders: 1, skipped: 1 }, orderSns: ['PO-A'] });
    expect(JSON.stringify(audit)).not.toContain('Müller');
    expect(JSON.stringify(audit)).not.toContain('Main St');
  });

  it('passes the vault lock through and writes nothing', async () => {
    openBuyers.mockRejectedValueOnce(new MessageError('locked', 'Vault is locked'));
    await expect(handlers()['export/prepare']({ orderSns: ['PO-A'], format: 'zpl' }, ctx)).rejects.toMatchObject({ code: 'locked' });
    expect(await db.audit.count()).toBe(0);
  });
});

describe('export/record', () => {
  beforeEach(async () => {
    await db.orders.bulkAdd([
      makeOrder({ orderSn: 'PO-A', piiState: 'present', purgeAt: NOW + 20 * DAY_MS }),
      makeOrder({ orderSn: 'PO-C', piiState: 'present', purgeAt: NOW + 9 * DAY_MS }),
    ]);
    await db.buyers.bulkAdd([buyer('PO-A', NOW + 20 * DAY_MS), buyer('PO-C', NOW + 5 * DAY_MS)]);
  });

  it('stores the file with the earliest purge time and marks orders exported, in one audited transaction', async () => {
    const reply = await handlers()['export/record']({ downloadId: 7, fileName: 'labels-4x6-20261125-1200-2.pdf', format: 'pdf-4x6', orderSns: ['PO-A', 'PO-C', 'PO-Z'] }, ctx);
    expect(reply.purgeAt).toBe(NOW + 5 * DAY_MS);
    const rec = await db.exports.get(reply.exportId);
    expect(rec).toMatchObject({ downloadId: 7, format: 'pdf-4x6', orderSns: ['PO-A', 'PO-C'], state: 'live', createdAt: NOW, purgeAt: NOW + 5 * DAY_MS, removedAt: null });
    const orders = await db.orders.bulkGet(['PO-A', 'PO-C']);
    expect(orders.map((o) => [o?.exportedAt, o?.exportFormat])).toEqual([
      [NOW, 'pdf-4x6'],
      [NOW, 'pdf-4x6'],
    ]);
    const audit = await db.audit.toArray();
    expect(audit.map((a) => a.action)).toEqual(['export.record']);
    expect(notified).toBe(1);
  });

  it('records the print view without a download id', async () => {
    const reply = await handlers()['export/record']({ downloadId: null, fileName: '', format: 'print', orderSns: ['PO-A'] }, ctx);
    expect(await db.exports.get(reply.exportId)).toMatchObject({ downloadId: null, format: 'print' });
  });

  it('a file whose orders hold no purge time is due at once', async () => {
    await db.orders.add(makeOrder({ orderSn: 'PO-P', piiState: 'purged' }));
    const reply = await handlers()['export/record']({ downloadId: 1, fileName: 'x.csv', format: 'csv-generic', orderSns: ['PO-P'] }, ctx);
    expect(reply.purgeAt).toBe(NOW);
  });

  it('a file with an order purged since export/prepare is due now, not at the other orders\' purge time', async () => {
    // PO-C's PII was purged between prepare and record (its buyers row is gone, order marked purged).
    await db.buyers.delete('PO-C');
    await db.orders.update('PO-C', { piiState: 'purged', purgeAt: null });
    const reply = await handlers()['export/record']({ downloadId: 9, fileName: 'x.pdf', format: 'pdf-4x6', orderSns: ['PO-A', 'PO-C'] }, ctx);
    expect(reply.purgeAt).toBe(NOW);
    expect(await db.exports.get(reply.exportId)).toMatchObject({ purgeAt: NOW, state: 'live', orderSns: ['PO-A', 'PO-C'] });
    // notifyChanged re-arms the retention alarm at this (past) deadline, so the file cleanup runs.
    expect(notified).toBe(1);
  });

  it('a file with an order whose buyers row is gone (state not yet updated) is due now', async () => {
    await db.buyers.delete('PO-C');
    const reply = await handlers()['export/record']({ downloadId: 9, fileName: 'x.pdf', format: 'pdf-4x6', orderSns: ['PO-A', 'PO-C'] }, ctx);
    expect(reply.purgeAt).toBe(NOW);
  });

  it('dueNow (the page could neither track nor remove the file) records a live export due at once', async () => {
    const reply = await handlers()['export/record']({ downloadId: 5, fileName: 'x.pdf', format: 'pdf-4x6', orderSns: ['PO-A'], dueNow: true }, ctx);
    expect(reply.purgeAt).toBe(NOW);
    expect(await db.exports.get(reply.exportId)).toMatchObject({ downloadId: 5, state: 'live', purgeAt: NOW });
    expect((await db.audit.toArray())[0]!.counts).toMatchObject({ dueNow: 1 });
  });

  it('refuses unknown orders without writing anything', async () => {
    await expect(handlers()['export/record']({ downloadId: 1, fileName: 'x.csv', format: 'csv-generic', orderSns: ['PO-Q'] }, ctx)).rejects.toMatchObject({ code: 'not-found' });
    expect(await db.exports.count()).toBe(0);
    expect(await db.audit.count()).toBe(0);
  });
});

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
    expect(notified).toBe(0);
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
    opened = { 'PO-1': { state: 'ok', pii: pii('Élodie Lefèvre') }, 'PO-2': { state: 'ok', pii: pii('Anna') }, 'PO-3': { state: 'ok', pii: pii('elodie x') } };
  });

  it('opens only listed orders with a stored address and answers matching order numbers, in list order', async () => {
    const reply = await handlers()['orders/find-by-buyer']({ query: 'elodie', filter: orderFilterSchema.parse({}) }, ctx);
    expect(reply).toEqual({ orderSns: ['PO-3', 'PO-1'], searched: 3, truncated: false });
    expect(openBuyers).toHaveBeenCalledWith(deps, ['PO-3', 'PO-2', 'PO-1'], 'popup');
  });

  it('respects the other filters', async () => {
    const reply = await handlers()['orders/find-by-buyer']({ query: 'elodie', filter: orderFilterSchema.parse({ shopId: '1001' }) }, ctx);
    expect(reply.orderSns).toEqual(['PO-1']);
    expect(openBuyers).toHaveBeenCalledWith(deps, ['PO-2', 'PO-1'], 'popup');
  });

  it('the result narrows orders/page through filter.orderSns', async () => {
    const page = await handlers()['orders/page']({ filter: orderFilterSchema.parse({ orderSns: ['PO-1', 'PO-3', 'PO-9'] }), offset: 0, limit: 10, withTotal: true }, ctx);
    expect(page.total).toBe(2);
    expect(page.rows.map((r) => r.orderSn)).toEqual(['PO-3', 'PO-1']);
    const none = await handlers()['orders/page']({ filter: orderFilterSchema.parse({ orderSns: [] }), offset: 0, limit: 10, withTotal: true }, ctx);
    expect(none.total).toBe(0);
  });

  it('is refused while locked', async () => {
    openBuyers.mockRejectedValueOnce(new MessageError('locked', 'Vault is locked'));
    await expect(handlers()['orders/find-by-buyer']({ query: 'anna', filter: orderFilterSchema.parse({}) }, ctx)).rejects.toMatchObject({ code: 'locked' });
  });
});
