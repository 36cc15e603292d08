import { beforeEach, describe, expect, it, vi } from 'vitest';
import { type FakeBuyerReader, type HandlerTestDeps, readerHandlerSetup } from '../../tests/support/handler-test-deps';
import type { AppDb } from '../db/app-db';
import { MessageError } from '../messaging/envelope';
import type { HandlerContext } from '../messaging/router';
import { listedBuyerPii, makeOrder, sealedBuyerRow } from '../../tests/support/order-test-data';
import { DAY_MS } from '../retention/retention-rule';
import { createExportHandlers, markPendingExportOrders } from './export-handlers';

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

const handlers = () => createExportHandlers(deps, { openBuyers: reader.openBuyers });

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
    reader.opened = { 'PO-A': { state: 'ok', pii: pii('Ana Müller') }, 'PO-C': { state: 'cannot-decrypt' } };
  });

  it('joins PII, lines still to pack and the return address; skips the rest with reasons', async () => {
    const out = await handlers()['export/prepare']({ orderSns: ['PO-A', 'PO-B', 'PO-C', 'PO-X', 'PO-A'], format: 'pdf-4x6' }, ctx);
    expect(reader.openBuyers).toHaveBeenCalledWith(deps, ['PO-A', 'PO-B', 'PO-C', 'PO-X'], 'popup', expect.anything());
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

  it('writes one export audit entry with format, counts and order numbers, no PII; an audited read bumps no revision', async () => {
    await handlers()['export/prepare']({ orderSns: ['PO-A', 'PO-B'], format: 'csv-generic' }, ctx);
    const audit = await db.audit.toArray();
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ action: 'export', actor: 'popup', detail: 'csv-generic', counts: { orders: 1, skipped: 1 }, orderSns: ['PO-A'] });
    expect(JSON.stringify(audit)).not.toContain('Müller');
    expect(JSON.stringify(audit)).not.toContain('Main St');
    expect(deps.notified).toBe(0);
  });

  it('passes the vault lock through and writes nothing', async () => {
    reader.openBuyers.mockRejectedValueOnce(new MessageError('locked', 'Vault is locked'));
    await expect(handlers()['export/prepare']({ orderSns: ['PO-A'], format: 'zpl' }, ctx)).rejects.toMatchObject({ code: 'locked' });
    expect(await db.audit.count()).toBe(0);
  });
});

describe('export/prepare → tracking the file (remembered facts, issue 11)', () => {
  const PURGE_A = NOW + 20 * DAY_MS;
  const PURGE_C = NOW + 5 * DAY_MS;
  beforeEach(async () => {
    await db.orders.bulkAdd([
      makeOrder({ orderSn: 'PO-A', piiState: 'present', purgeAt: PURGE_A }),
      makeOrder({ orderSn: 'PO-C', piiState: 'present', purgeAt: PURGE_C + DAY_MS }),
    ]);
    await db.buyers.bulkAdd([buyer('PO-A', PURGE_A), buyer('PO-C', PURGE_C)]);
    reader.opened = { 'PO-A': { state: 'ok', pii: pii('Ana Müller') }, 'PO-C': { state: 'ok', pii: pii('Bo Chen') } };
  });
  const prepareThenRecord = async (between: () => Promise<unknown>) => {
    await handlers()['export/prepare']({ orderSns: ['PO-A', 'PO-C'], format: 'csv-generic' }, ctx);
    await between();
    return handlers()['export/record']({ downloadId: 4, fileName: 'x.csv', format: 'csv-generic', orderSns: ['PO-A', 'PO-C'] }, ctx);
  };

  it('writes the export entry in the read transaction, after buyers.open, as the one entry of the export', async () => {
    await handlers()['export/prepare']({ orderSns: ['PO-A', 'PO-C'], format: 'zpl' }, ctx);
    expect((await db.audit.toArray()).map((a) => [a.action, a.counts])).toEqual([['export', { orders: 2, skipped: 0 }]]);
  });

  it('with no write in between, tracks the file from what prepare read, without reading the rows again', async () => {
    const ordersRead = vi.spyOn(db.orders, 'bulkGet');
    const buyersRead = vi.spyOn(db.buyers, 'bulkGet');
    const reply = await prepareThenRecord(async () => {
      ordersRead.mockClear();
      buyersRead.mockClear();
    });
    expect(reply.purgeAt).toBe(PURGE_C);
    expect(ordersRead).not.toHaveBeenCalled();
    expect(buyersRead).not.toHaveBeenCalled();
    expect(await db.exports.get(reply.exportId)).toMatchObject({ orderSns: ['PO-A', 'PO-C'], purgeAt: PURGE_C });
  });

  it('a buyers row deleted after prepare (a deletion notice) makes the file due now', async () => {
    const reply = await prepareThenRecord(() => db.buyers.delete('PO-C'));
    expect(reply.purgeAt).toBe(NOW);
  });

  it('an order marked purged after prepare makes the file due now', async () => {
    const reply = await prepareThenRecord(() => db.orders.update('PO-A', { piiState: 'purged', purgeAt: null }));
    expect(reply.purgeAt).toBe(NOW);
  });

  it('a buyers purge time moved earlier after prepare is the file purge time', async () => {
    const reply = await prepareThenRecord(() => db.buyers.update('PO-A', { purgeAt: NOW + DAY_MS }));
    expect(reply.purgeAt).toBe(NOW + DAY_MS);
  });

  it('orders prepare did not read are read from the rows', async () => {
    await db.orders.add(makeOrder({ orderSn: 'PO-D', piiState: 'present', purgeAt: NOW + 2 * DAY_MS }));
    await db.buyers.add(buyer('PO-D', NOW + 2 * DAY_MS));
    await handlers()['export/prepare']({ orderSns: ['PO-A'], format: 'csv-generic' }, ctx);
    const reply = await handlers()['export/record']({ downloadId: 4, fileName: 'x.csv', format: 'csv-generic', orderSns: ['PO-A', 'PO-D'] }, ctx);
    expect(reply.purgeAt).toBe(NOW + 2 * DAY_MS);
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

  it('stores the file with the earliest purge time in one audited transaction, then marks its orders exported', async () => {
    const reply = await handlers()['export/record']({ downloadId: 7, fileName: 'labels-4x6-20261125-1200-2.pdf', format: 'pdf-4x6', orderSns: ['PO-A', 'PO-C', 'PO-Z'] }, ctx);
    expect(reply.purgeAt).toBe(NOW + 5 * DAY_MS);
    const rec = await db.exports.get(reply.exportId);
    expect(rec).toMatchObject({ downloadId: 7, format: 'pdf-4x6', orderSns: ['PO-A', 'PO-C'], state: 'live', createdAt: NOW, purgeAt: NOW + 5 * DAY_MS, removedAt: null });
    const audit = await db.audit.toArray();
    expect(audit.map((a) => a.action)).toEqual(['export.record']);
    // The orders are marked in a second transaction after the answer; the pages hear of it once.
    await vi.waitFor(() => expect(deps.notified).toBe(1));
    const orders = await db.orders.bulkGet(['PO-A', 'PO-C']);
    expect(orders.map((o) => [o?.exportedAt, o?.exportFormat])).toEqual([
      [NOW, 'pdf-4x6'],
      [NOW, 'pdf-4x6'],
    ]);
    expect(await db.exports.get(reply.exportId)).toMatchObject({ ordersMarked: true });
  });

  it('a pick list tracks its file but marks no order exported', async () => {
    const reply = await handlers()['export/record']({ downloadId: 3, fileName: 'pick.pdf', format: 'pick-list', orderSns: ['PO-A'] }, ctx);
    await vi.waitFor(() => expect(deps.notified).toBe(1));
    expect(await db.exports.get(reply.exportId)).toMatchObject({ ordersMarked: true, format: 'pick-list' });
    expect((await db.orders.get('PO-A'))?.exportedAt).toBeNull();
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

  it("a file with an order purged since export/prepare is due now, not at the other orders' purge time", async () => {
    // PO-C's PII was purged between prepare and record (its buyers row is gone, order marked purged).
    await db.buyers.delete('PO-C');
    await db.orders.update('PO-C', { piiState: 'purged', purgeAt: null });
    const reply = await handlers()['export/record']({ downloadId: 9, fileName: 'x.pdf', format: 'pdf-4x6', orderSns: ['PO-A', 'PO-C'] }, ctx);
    expect(reply.purgeAt).toBe(NOW);
    expect(await db.exports.get(reply.exportId)).toMatchObject({ purgeAt: NOW, state: 'live', orderSns: ['PO-A', 'PO-C'] });
    // notifyChanged re-arms the retention alarm at this (past) deadline, so the file cleanup runs.
    expect(deps.notified).toBe(1);
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

describe('export/save', () => {
  const URL_OF_FILE = 'blob:chrome-extension://abcdefghijklmnopabcdefghijklmnop/7c1a2b3c-0000-4000-8000-000000000001';
  const save = (orderSns: string[]) => handlers()['export/save']({ url: URL_OF_FILE, fileName: 'x.csv', format: 'csv-generic', orderSns }, ctx);
  let start: ReturnType<typeof vi.fn<(file: { url: string; fileName: string }) => Promise<number>>>;
  let removeDownload: ReturnType<typeof vi.fn<(id: number) => Promise<'removed' | 'missing'>>>;

  beforeEach(async () => {
    await db.orders.bulkAdd([makeOrder({ orderSn: 'PO-A', piiState: 'present', purgeAt: NOW + 20 * DAY_MS })]);
    await db.buyers.bulkAdd([buyer('PO-A', NOW + 20 * DAY_MS)]);
    start = vi.fn(async () => 42);
    removeDownload = vi.fn(async () => 'removed' as const);
    deps.exportDownloads = { ...deps.exportDownloads, start };
    deps.exportFiles = { removeDownload };
  });

  it("starts the download of the page's file and tracks it in the same step", async () => {
    const reply = await save(['PO-A']);
    expect(start).toHaveBeenCalledWith({ url: URL_OF_FILE, fileName: 'x.csv' });
    expect(reply).toMatchObject({ downloadId: 42, purgeAt: NOW + 20 * DAY_MS, dueNow: false });
    expect(await db.exports.get(reply.exportId)).toMatchObject({ downloadId: 42, fileName: 'x.csv', format: 'csv-generic', orderSns: ['PO-A'], state: 'live' });
    expect((await db.orders.get('PO-A'))?.exportedAt).toBe(NOW);
    expect((await db.audit.toArray()).map((a) => a.action)).toEqual(['export.record']);
    expect(deps.notified).toBe(1);
    expect(removeDownload).not.toHaveBeenCalled();
  });

  it('removes the file again when it cannot be tracked (no untracked PII on disk)', async () => {
    await expect(save(['PO-Q'])).rejects.toMatchObject({ code: 'not-found' });
    expect(removeDownload).toHaveBeenCalledWith(42);
    expect(await db.exports.count()).toBe(0);
  });

  it('tracks a file it can neither track nor remove as a live export due now, so the sweep retries it', async () => {
    vi.spyOn(db.exports, 'add').mockRejectedValueOnce(new Error('quota'));
    removeDownload.mockRejectedValueOnce(new Error('file is locked'));
    const reply = await save(['PO-A']);
    expect(reply).toMatchObject({ downloadId: 42, purgeAt: NOW, dueNow: true });
    expect(await db.exports.get(reply.exportId)).toMatchObject({ downloadId: 42, state: 'live', purgeAt: NOW });
    expect((await db.audit.toArray())[0]!.counts).toMatchObject({ dueNow: 1 });
  });

  it('answers the original error when neither tracking, removing nor the due record works', async () => {
    removeDownload.mockRejectedValueOnce(new Error('file is locked'));
    await expect(save(['PO-Q'])).rejects.toMatchObject({ code: 'not-found' });
    expect(await db.exports.count()).toBe(0);
  });

  it('records nothing when the download does not start', async () => {
    start.mockRejectedValueOnce(new Error('Only files made by this extension can be saved.'));
    await expect(save(['PO-A'])).rejects.toThrow('Only files made by this extension');
    expect(await db.exports.count()).toBe(0);
    expect(await db.audit.count()).toBe(0);
  });
});

describe('export/history and pick lists (issue 14)', () => {
  beforeEach(async () => {
    await db.orders.bulkAdd([makeOrder({ orderSn: 'PO-A', piiState: 'present', purgeAt: NOW + 20 * DAY_MS }), makeOrder({ orderSn: 'PO-B', piiState: 'purged' })]);
    await db.buyers.add(buyer('PO-A', NOW + 20 * DAY_MS));
  });

  it('lists the newest exports first with the orders whose data is still held', async () => {
    await handlers()['export/record']({ downloadId: 7, fileName: 'a.pdf', format: 'pdf-labels', orderSns: ['PO-A', 'PO-B'] }, ctx);
    await handlers()['export/record']({ downloadId: null, fileName: '', format: 'print', orderSns: ['PO-A'] }, ctx);
    const history = await handlers()['export/history']({ limit: 10 }, ctx);
    expect(history.map((h) => h.format)).toEqual(['print', 'pdf-labels']);
    expect(history[1]).toMatchObject({ fileName: 'a.pdf', orderSns: ['PO-A', 'PO-B'], state: 'live', stillHeld: ['PO-A'], createdAt: NOW });
    expect(JSON.stringify(history)).not.toContain('Ana');
  });

  it('a pick list is tracked but does not mark its orders exported', async () => {
    await handlers()['export/record']({ downloadId: 8, fileName: 'p.pdf', format: 'pick-list', orderSns: ['PO-A'] }, ctx);
    expect((await db.orders.get('PO-A'))!.exportedAt).toBeNull();
    await handlers()['export/record']({ downloadId: 9, fileName: 'l.pdf', format: 'pdf-labels', orderSns: ['PO-A'] }, ctx);
    expect(await db.orders.get('PO-A')).toMatchObject({ exportedAt: NOW, exportFormat: 'pdf-labels' });
  });
});

describe('export/still-held (issue 16)', () => {
  it('answers the order numbers whose buyer row exists and is not due; opens nothing, audits nothing', async () => {
    await db.buyers.bulkAdd([buyer('PO-A', NOW + DAY_MS), buyer('PO-B', NOW), buyer('PO-C', NOW - 1)]);
    const held = await handlers()['export/still-held']({ orderSns: ['PO-A', 'PO-B', 'PO-C', 'PO-X', 'PO-A'] }, ctx);
    expect(held).toEqual(['PO-A']);
    expect(reader.openBuyers).not.toHaveBeenCalled();
    expect(await db.audit.count()).toBe(0);
  });
});

describe('markPendingExportOrders (a worker stopped between tracking and marking)', () => {
  const tracked = (createdAt: number, orderSns: string[], format: string, ordersMarked?: boolean) => ({
    createdAt,
    purgeAt: NOW + DAY_MS,
    downloadId: 1,
    fileName: `${format}.file`,
    format,
    orderSns,
    state: 'live' as const,
    removedAt: null,
    ...(ordersMarked === undefined ? {} : { ordersMarked }),
  });

  beforeEach(async () => {
    await db.orders.bulkAdd([makeOrder({ orderSn: 'PO-A' }), makeOrder({ orderSn: 'PO-B' }), makeOrder({ orderSn: 'PO-C', exportedAt: NOW, exportFormat: 'zpl' })]);
  });

  it('marks the orders of every pending export with its time and format, once, and tells the pages', async () => {
    const id = await db.exports.add(tracked(NOW - 60_000, ['PO-A', 'PO-GONE'], 'csv-generic', false));
    await db.exports.add(tracked(NOW - 120_000, ['PO-B'], 'zpl')); // before the flag existed: marked with it
    expect(await markPendingExportOrders(deps)).toBe(1);
    expect(await db.orders.get('PO-A')).toMatchObject({ exportedAt: NOW - 60_000, exportFormat: 'csv-generic' });
    expect((await db.orders.get('PO-B'))?.exportedAt).toBeNull();
    expect(await db.orders.get('PO-GONE')).toBeUndefined(); // a deleted order is not written back
    expect(await db.exports.get(id)).toMatchObject({ ordersMarked: true });
    expect(deps.notified).toBe(1);
    expect(await markPendingExportOrders(deps)).toBe(0);
    expect(deps.notified).toBe(1);
  });

  it('never moves a later mark back to an older export', async () => {
    await db.exports.bulkAdd([tracked(NOW - 120_000, ['PO-C', 'PO-A'], 'pdf-4x6', false), tracked(NOW - 60_000, ['PO-A'], 'csv-generic', false)]);
    await markPendingExportOrders(deps);
    expect(await db.orders.get('PO-C')).toMatchObject({ exportedAt: NOW, exportFormat: 'zpl' });
    expect(await db.orders.get('PO-A')).toMatchObject({ exportedAt: NOW - 60_000, exportFormat: 'csv-generic' });
  });
});
