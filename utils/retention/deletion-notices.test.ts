import { describe, expect, it } from 'vitest';
import { MessageError } from '../messaging/envelope';
import { checkLiveCopies, listDeletionNotices, NOTICE_DELETE_WITHIN_MS, recordDeletionNotice } from './deletion-notices';
import { DAY_MS } from './retention-rule';
import { exportFile, fakePorts, makeTestDeps, seedHeld, T0, withPorts } from '../../tests/support/retention-test-data';

const HOUR = 3_600_000;

async function seedThreeShops() {
  const deps = makeTestDeps();
  await seedHeld(deps, 'PO-a1', T0 + 20 * DAY_MS, { shopId: 'A' });
  await seedHeld(deps, 'PO-a2', T0 + 21 * DAY_MS, { shopId: 'A' });
  await seedHeld(deps, 'PO-b1', T0 + 22 * DAY_MS, { shopId: 'B' });
  await seedHeld(deps, 'PO-c1', T0 + 23 * DAY_MS, { shopId: 'C' });
  return deps;
}

describe('deletion notices', () => {
  it("an order-list notice deletes exactly those orders' PII and files, at once", async () => {
    const deps = await seedThreeShops();
    const ports = fakePorts();
    ports.files.onDisk.add(1).add(2);
    await deps.db.exports.bulkAdd([exportFile(['PO-a1', 'PO-c1'], T0 + 20 * DAY_MS, 1), exportFile(['PO-b1'], T0 + 22 * DAY_MS, 2)]);
    deps.clock.now = T0 + 5 * HOUR;

    const view = await recordDeletionNotice(
      withPorts(deps, ports),
      { receivedAt: T0, scope: { kind: 'orders', orderSns: ['PO-a1', 'PO-b1', 'PO-unknown'] }, reference: 'TEMU-123' },
      'options',
    );

    expect((await deps.db.buyers.toCollection().primaryKeys()).sort()).toEqual(['PO-a2', 'PO-c1']);
    expect((await deps.db.orders.get('PO-a1'))!.piiState).toBe('purged');
    expect(ports.files.onDisk.size).toBe(0); // file 1 also held PO-c1: removed all the same
    expect(view).toMatchObject({ deletedBuyers: 2, removedFiles: 2, carriedOutAt: T0 + 5 * HOUR, elapsedMs: 5 * HOUR, withinPromise: true, reference: 'TEMU-123' });
    expect(view.check).toMatchObject({ buyersLeft: 0, liveFiles: 0, sessionCaches: 0, clean: true });
    const audit = await deps.db.audit.where('action').equals('notice.carried-out').first();
    expect(audit!.orderSns.sort()).toEqual(['PO-a1', 'PO-b1']);
    expect(audit!.detail).toBe('scope:orders');
  });

  it('resolves sub-order numbers to their parent order and reports numbers that matched nothing', async () => {
    const deps = await seedThreeShops();
    await deps.db.items.bulkAdd([
      { orderSn: 'PO-a1', subOrderSn: '211-111', sku: null, goodsId: null, title: 't', spec: null, quantity: 1, cancelledQuantity: 0, statusCode: null },
      { orderSn: 'PO-a1', subOrderSn: '211-112', sku: null, goodsId: null, title: 't', spec: null, quantity: 1, cancelledQuantity: 0, statusCode: null },
      { orderSn: 'PO-b1', subOrderSn: '211-221', sku: null, goodsId: null, title: 't', spec: null, quantity: 1, cancelledQuantity: 0, statusCode: null },
    ]);
    const ports = fakePorts();
    ports.files.onDisk.add(3);
    await deps.db.exports.add(exportFile(['PO-b1'], T0 + 22 * DAY_MS, 3));

    const view = await recordDeletionNotice(
      withPorts(deps, ports),
      { receivedAt: T0, scope: { kind: 'orders', orderSns: ['211-111', '211-112', '211-221', 'PO-c1', '211-999'] }, reference: '' },
      'options',
    );

    expect((await deps.db.buyers.toCollection().primaryKeys()).sort()).toEqual(['PO-a2']);
    expect((await deps.db.orders.get('PO-a1'))!.piiState).toBe('purged');
    expect((await deps.db.orders.get('PO-b1'))!.piiState).toBe('purged');
    expect(ports.files.onDisk.size).toBe(0);
    expect(view.deletedBuyers).toBe(3);
    expect(view.unmatchedOrderSns).toEqual(['211-999']);
    expect((await deps.db.notices.get(view.id))!.unmatchedOrderSns).toEqual(['211-999']);
    const audit = await deps.db.audit.where('action').equals('notice.carried-out').first();
    expect(audit!.orderSns.sort()).toEqual(['PO-a1', 'PO-b1', 'PO-c1']);
    expect(audit!.counts.unmatched).toBe(1);
  });

  it('the 90-day check of a sub-order notice looks at the resolved parent orders', async () => {
    const deps = await seedThreeShops();
    await deps.db.items.add({ orderSn: 'PO-a1', subOrderSn: '211-111', sku: null, goodsId: null, title: 't', spec: null, quantity: 1, cancelledQuantity: 0, statusCode: null });
    const notice = { receivedAt: T0, scope: { kind: 'orders' as const, orderSns: ['211-111'] }, reference: '', carriedOutAt: T0 + HOUR, deletedBuyers: 0, removedFiles: 0 };
    // The parent's address is still there (captured before the notice was carried out): not clean.
    const check = await checkLiveCopies(withPorts(deps, fakePorts()), notice);
    expect(check).toMatchObject({ buyersLeft: 1, clean: false });
  });

  it('a shop notice leaves other shops alone; "all" removes everything and clears session caches', async () => {
    const deps = await seedThreeShops();
    const ports = fakePorts(undefined, { 'decrypted-cache': 'x' });
    await recordDeletionNotice(withPorts(deps, ports), { receivedAt: T0, scope: { kind: 'shop', shopId: 'A' }, reference: '' }, 'options');
    expect((await deps.db.buyers.toCollection().primaryKeys()).sort()).toEqual(['PO-b1', 'PO-c1']);
    const all = await recordDeletionNotice(withPorts(deps, ports), { receivedAt: T0, scope: { kind: 'all' }, reference: '' }, 'options');
    expect(await deps.db.buyers.count()).toBe(0);
    expect(all.check.clean).toBe(true);
    expect(ports.session).toEqual({});
    // order facts stay
    expect(await deps.db.orders.count()).toBe(4);
  });

  it("a shop notice also erases that shop's buyers rows whose order row is missing (buyers has no shop index)", async () => {
    const deps = await seedThreeShops();
    // Never written so by the extension (an order row goes only with every buyers row): the
    // notice must still not miss such a row, and must leave another shop's alone.
    await deps.db.orders.bulkDelete(['PO-a2', 'PO-b1']);
    const view = await recordDeletionNotice(withPorts(deps, fakePorts()), { receivedAt: T0, scope: { kind: 'shop', shopId: 'A' }, reference: '' }, 'options');
    expect((await deps.db.buyers.toCollection().primaryKeys()).sort()).toEqual(['PO-b1', 'PO-c1']);
    expect(view.deletedBuyers).toBe(2);
    expect(view.check).toMatchObject({ buyersLeft: 0, clean: true });
  });

  it('reports a late execution against the 72-hour promise', async () => {
    const deps = await seedThreeShops();
    deps.clock.now = T0 + NOTICE_DELETE_WITHIN_MS + 1;
    const view = await recordDeletionNotice(withPorts(deps, fakePorts()), { receivedAt: T0, scope: { kind: 'shop', shopId: 'B' }, reference: '' }, 'options');
    expect(view.withinPromise).toBe(false);
    expect(view.liveCopyDueBy).toBe(T0 + 90 * DAY_MS);
  });

  it('the 90-day check finds a copy that is still live (failed file removal, old buyers row)', async () => {
    const deps = await seedThreeShops();
    const ports = fakePorts();
    ports.files.onDisk.add(9);
    ports.files.broken.add(9);
    await deps.db.exports.add(exportFile(['PO-b1'], T0 + 22 * DAY_MS, 9));
    const view = await recordDeletionNotice(withPorts(deps, ports), { receivedAt: T0, scope: { kind: 'orders', orderSns: ['PO-b1'] }, reference: '' }, 'options');
    expect(view.check).toMatchObject({ liveFiles: 1, clean: false });
    // A buyers row that existed at the time and survived (simulated) is reported too.
    await seedHeld(deps, 'PO-b1', T0 + DAY_MS, { shopId: 'B' });
    const stored = (await deps.db.notices.get(view.id))!;
    expect((await checkLiveCopies(withPorts(deps, ports), stored)).buyersLeft).toBe(1);
    const [listed] = await listDeletionNotices(withPorts(deps, ports));
    expect(listed!.check.clean).toBe(false);
  });

  it('refuses a notice received in the future, changing nothing', async () => {
    const deps = await seedThreeShops();
    await expect(recordDeletionNotice(withPorts(deps, fakePorts()), { receivedAt: T0 + DAY_MS, scope: { kind: 'all' }, reference: '' }, 'options')).rejects.toBeInstanceOf(
      MessageError,
    );
    expect(await deps.db.buyers.count()).toBe(4);
    expect(await deps.db.notices.count()).toBe(0);
  });
});
