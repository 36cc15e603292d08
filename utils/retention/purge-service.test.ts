import { describe, expect, it, vi } from 'vitest';
import { verifyStoredAudit } from '../audit/audit-log';
import { readMeta } from '../meta-store';
import { purgeDueBeforeRead, purgeDueBuyers } from './purge-service';
import { deleteDueBuyerRowsInTransaction, forgetDueBuyersInTransaction } from './pii-eraser';
import { DAY_MS } from './retention-rule';
import { exportFile, FakeDownloads, makeTestDeps, seedHeld, T0, withFiles } from '../../tests/support/retention-test-data';

const MIN = 60_000;

describe('purgeDueBuyers', () => {
  it('deletes exactly the due rows (27d23h59m kept, 28d purged), marks orders, one audit entry', async () => {
    const deps = makeTestDeps();
    const shippedAt = T0;
    await seedHeld(deps, 'PO-due', shippedAt + 28 * DAY_MS, { shippedAt });
    await seedHeld(deps, 'PO-kept', shippedAt + MIN + 28 * DAY_MS, { shippedAt: shippedAt + MIN });
    await seedHeld(deps, 'PO-young', T0 + 27 * DAY_MS + 28 * DAY_MS);
    await deps.db.orders.put({ ...(await deps.db.orders.get('PO-young'))!, orderSn: 'PO-none', piiState: 'none', purgeAt: null });
    deps.clock.now = shippedAt + 28 * DAY_MS; // PO-kept is at 27d23h59m

    const result = await purgeDueBuyers(withFiles(deps, new FakeDownloads()), { trigger: 'alarm' });

    expect(result.purgedOrders).toEqual(['PO-due']);
    expect(await deps.db.buyers.toCollection().primaryKeys()).toEqual(['PO-kept', 'PO-young']);
    const purged = await deps.db.orders.get('PO-due');
    expect(purged).toMatchObject({ piiState: 'purged', purgeAt: null, shopId: '1001', status: 'shipped', shippedAt });
    expect((await deps.db.orders.get('PO-kept'))!.piiState).toBe('present');
    expect((await deps.db.orders.get('PO-none'))!.piiState).toBe('none');
    const audit = await deps.db.audit.toArray();
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ action: 'retention.purge', counts: { orders: 1 }, orderSns: ['PO-due'], detail: 'alarm', actor: 'background' });
    expect(JSON.stringify(audit)).not.toMatch(/sealed|Uint8Array/);
    expect(await verifyStoredAudit(deps.db)).toMatchObject({ ok: true, checked: 1 });
    expect(await readMeta(deps.db, 'retention.lastPurge')).toEqual({ at: deps.clock.now, orders: 1, trigger: 'alarm' });
    expect(deps.notified).toBe(1);
  });

  it('covers rows whose two purgeAt copies disagree: a due buyers row, or a due order with its buyers row gone', async () => {
    const deps = makeTestDeps();
    await seedHeld(deps, 'PO-buyer-due', T0 + DAY_MS);
    await deps.db.buyers.update('PO-buyer-due', { purgeAt: T0 });
    await seedHeld(deps, 'PO-order-due', T0);
    await deps.db.buyers.delete('PO-order-due');
    const result = await purgeDueBuyers(withFiles(deps, new FakeDownloads()), {});
    expect(result.purgedOrders.sort()).toEqual(['PO-buyer-due', 'PO-order-due']);
    expect(await deps.db.buyers.count()).toBe(0);
    expect((await deps.db.orders.toArray()).map((o) => [o.piiState, o.purgeAt])).toEqual([
      ['purged', null],
      ['purged', null],
    ]);
  });

  it('can answer once the due PII is unrecoverable (its shred keys gone); the rows and order facts follow before any later purge', async () => {
    const deps = makeTestDeps();
    await seedHeld(deps, 'PO-due', T0);
    await seedHeld(deps, 'PO-later', T0 + DAY_MS);
    const forget = vi.spyOn(deps.shredKeys, 'forgetOrders');
    const ports = withFiles(deps, new FakeDownloads());
    const answered = await purgeDueBuyers(ports, { answerWhenErased: true });
    expect(answered).toEqual({ purgedOrders: ['PO-due'], removedFiles: 0 });
    expect(forget).toHaveBeenCalledExactlyOnceWith(['PO-due'], expect.objectContaining({ daysBefore: expect.any(Number) }));
    // A later run (a read) waits for the rows and the order facts of the first.
    await purgeDueBuyers(ports, {});
    expect(await deps.db.buyers.toCollection().primaryKeys()).toEqual(['PO-later']);
    expect(await deps.db.orders.get('PO-due')).toMatchObject({ piiState: 'purged', purgeAt: null });
    expect((await deps.db.audit.toArray()).map((a) => a.action)).toEqual(['retention.purge']);
  });

  it('deletes only rows still due: a row captured again after its keys went (a later purgeAt) stays', async () => {
    const deps = makeTestDeps();
    await seedHeld(deps, 'PO-due', T0);
    await seedHeld(deps, 'PO-again', T0);
    await deps.db.transaction('rw', deps.db.buyers, () => forgetDueBuyersInTransaction(deps.shredKeys, T0));
    await deps.db.buyers.update('PO-again', { purgeAt: T0 + DAY_MS });
    expect(await deps.db.transaction('rw', deps.db.buyers, () => deleteDueBuyerRowsInTransaction(T0))).toBe(1);
    expect(await deps.db.buyers.toCollection().primaryKeys()).toEqual(['PO-again']);
  });

  it('does nothing (no audit, no notify) when nothing is due', async () => {
    const deps = makeTestDeps();
    await seedHeld(deps, 'PO-1', T0 + DAY_MS);
    expect(await purgeDueBuyers(withFiles(deps, new FakeDownloads()), {})).toEqual({ purgedOrders: [], removedFiles: 0 });
    expect(await deps.db.audit.count()).toBe(0);
    expect(deps.notified).toBe(0);
  });

  it('runs in one transaction: a failure mid-way leaves every row in place', async () => {
    const deps = makeTestDeps();
    await seedHeld(deps, 'PO-1', T0);
    await seedHeld(deps, 'PO-2', T0);
    const spy = vi.spyOn(deps.db.audit, 'add').mockRejectedValueOnce(new Error('QuotaExceededError'));
    await expect(purgeDueBuyers(withFiles(deps, new FakeDownloads()), {})).rejects.toThrow();
    spy.mockRestore();
    expect(await deps.db.buyers.count()).toBe(2);
    expect((await deps.db.orders.get('PO-1'))!.piiState).toBe('present');
    // and the next run completes the purge
    expect((await purgeDueBuyers(withFiles(deps, new FakeDownloads()), {})).purgedOrders.sort()).toEqual(['PO-1', 'PO-2']);
  });

  it('removes tracked files holding a purged order; a missing file is not an error; others stay', async () => {
    const deps = makeTestDeps();
    const files = new FakeDownloads();
    files.onDisk.add(11).add(22);
    await seedHeld(deps, 'PO-due', T0);
    await seedHeld(deps, 'PO-later', T0 + 5 * DAY_MS);
    // File 11 holds both orders (purgeAt = earliest), file 33 was already deleted by the seller.
    await deps.db.exports.bulkAdd([
      exportFile(['PO-later', 'PO-due'], T0 + 5 * DAY_MS, 11),
      exportFile(['PO-later'], T0 + 5 * DAY_MS, 22),
      exportFile(['PO-due'], T0, 33),
      exportFile(['PO-due'], T0, null, { format: 'print' }),
    ]);

    const result = await purgeDueBuyers(withFiles(deps, files), {});

    expect(result).toEqual({ purgedOrders: ['PO-due'], removedFiles: 1 });
    expect([...files.onDisk]).toEqual([22]);
    expect(files.calls.sort()).toEqual([11, 33]);
    const states = (await deps.db.exports.toArray()).map((f) => [f.downloadId, f.state, f.removedAt]);
    expect(states).toEqual([
      [11, 'removed', T0],
      [22, 'live', null],
      [33, 'removed', T0],
      [null, 'removed', T0],
    ]);
    const fileAudit = (await deps.db.audit.toArray()).find((a) => a.action === 'retention.files-removed');
    expect(fileAudit!.counts).toEqual({ removed: 1, missing: 2, failed: 0 });
  });

  it('a file that cannot be removed stays live and is retried on the next sweep', async () => {
    const deps = makeTestDeps();
    const files = new FakeDownloads();
    files.onDisk.add(7);
    files.broken.add(7);
    await seedHeld(deps, 'PO-1', T0);
    await deps.db.exports.add(exportFile(['PO-1'], T0 + DAY_MS, 7));
    expect((await purgeDueBuyers(withFiles(deps, files), {})).removedFiles).toBe(0);
    expect((await deps.db.exports.toArray())[0]!.state).toBe('live');
    files.broken.delete(7);
    deps.clock.now += 30 * MIN;
    expect((await purgeDueBuyers(withFiles(deps, files), {})).removedFiles).toBe(1);
    expect(files.onDisk.size).toBe(0);
  });

  it('runs one purge at a time: concurrent callers never process a row or a file twice', async () => {
    const deps = makeTestDeps();
    const files = new FakeDownloads();
    files.onDisk.add(5);
    await seedHeld(deps, 'PO-1', T0);
    await deps.db.exports.add(exportFile(['PO-1'], T0 + DAY_MS, 5));
    const [a, b] = await Promise.all([purgeDueBuyers(withFiles(deps, files), {}), purgeDueBuyers(withFiles(deps, files), {})]);
    expect(a).toEqual({ purgedOrders: ['PO-1'], removedFiles: 1 });
    expect(b).toEqual({ purgedOrders: [], removedFiles: 0 });
    expect(files.calls).toEqual([5]);
    expect(await deps.db.audit.where('action').equals('retention.purge').count()).toBe(1);
  });
});

describe('purgeDueBeforeRead', () => {
  it('erases what is due at the read: a row written due since the last look, a row whose purgeAt the clock passed', async () => {
    const deps = withFiles(makeTestDeps(), new FakeDownloads());
    await seedHeld(deps, 'PO-later', T0 + 3 * DAY_MS);
    await purgeDueBeforeRead(deps);
    expect(await deps.db.buyers.toCollection().primaryKeys()).toEqual(['PO-later']);
    // A write that makes a row due (a lowered period, a cancellation) is seen by the next read.
    await deps.db.buyers.update('PO-later', { purgeAt: T0 });
    await purgeDueBeforeRead(deps);
    expect(await deps.db.buyers.count()).toBe(0);
    // No write at all: only the clock moves past the earliest purgeAt.
    await seedHeld(deps, 'PO-next', T0 + DAY_MS);
    await purgeDueBeforeRead(deps);
    expect(await deps.db.buyers.count()).toBe(1);
    deps.clock.now = T0 + DAY_MS;
    await purgeDueBeforeRead(deps);
    expect(await deps.db.buyers.count()).toBe(0);
    expect((await deps.db.audit.toArray()).map((a) => a.orderSns)).toEqual([['PO-later'], ['PO-next']]);
  });

  it('opens no write transaction when no buyers row is due', async () => {
    const deps = withFiles(makeTestDeps(), new FakeDownloads());
    await seedHeld(deps, 'PO-1', T0 + DAY_MS);
    const transaction = vi.spyOn(deps.db, 'transaction');
    await purgeDueBeforeRead(deps);
    await purgeDueBeforeRead(deps);
    expect(transaction.mock.calls.filter(([mode]) => mode === 'rw')).toEqual([]);
    expect(await deps.db.buyers.count()).toBe(1);
  });
});
