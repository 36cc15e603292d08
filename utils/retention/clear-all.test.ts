import { describe, expect, it } from 'vitest';
import { MessageError } from '../messaging/envelope';
import { clearAllBuyerData } from './clear-all';
import { DAY_MS } from './retention-rule';
import { exportFile, fakePorts, makeTestDeps, seedHeld, T0, withPorts } from '../../tests/support/retention-test-data';

async function seeded() {
  const deps = makeTestDeps();
  await seedHeld(deps, 'PO-1', T0 + DAY_MS);
  await seedHeld(deps, 'PO-2', T0 + 2 * DAY_MS, { shopId: '2002' });
  await deps.db.items.add({ orderSn: 'PO-1', subOrderSn: '211-1', sku: 'S', goodsId: null, title: 'Mug', spec: null, quantity: 1, cancelledQuantity: 0, statusCode: 2 });
  // A buyers row whose order row is missing is removed too.
  await deps.db.buyers.add({ orderSn: 'PO-orphan', shopId: '1001', purgeAt: T0 + DAY_MS, capturedAt: T0, source: 'api', sealed: new Uint8Array(1) });
  const ports = fakePorts(undefined, { someCache: 1 });
  ports.files.onDisk.add(1);
  await deps.db.exports.add(exportFile(['PO-2'], T0 + 2 * DAY_MS, 1));
  return { deps, ports };
}

describe('clearAllBuyerData', () => {
  it('needs the confirmation word; nothing changes without it', async () => {
    const { deps, ports } = await seeded();
    await expect(clearAllBuyerData(withPorts(deps, ports), { confirmation: 'delete it', alsoClearOrders: false }, 'options')).rejects.toBeInstanceOf(MessageError);
    expect(await deps.db.buyers.count()).toBe(3);
    expect(ports.files.onDisk.size).toBe(1);
  });

  it('removes every buyers row, tracked file and session cache; keeps order facts', async () => {
    const { deps, ports } = await seeded();
    const result = await clearAllBuyerData(withPorts(deps, ports), { confirmation: 'DELETE', alsoClearOrders: false }, 'options');
    expect(result).toEqual({ buyersDeleted: 3, filesRemoved: 1, filesMissing: 0, filesFailed: 0, sessionCachesCleared: 1, ordersDeleted: 0 });
    expect(await deps.db.buyers.count()).toBe(0);
    expect(ports.files.onDisk.size).toBe(0);
    expect((await deps.db.orders.toArray()).map((o) => [o.orderSn, o.piiState, o.purgeAt])).toEqual([
      ['PO-1', 'purged', null],
      ['PO-2', 'purged', null],
    ]);
    expect(await deps.db.items.count()).toBe(1);
    expect((await deps.db.audit.toArray()).map((a) => a.action)).toContain('buyers.clear-all');
  });

  it('with "also clear order history" (Chinese confirmation word) removes orders and items too', async () => {
    const { deps, ports } = await seeded();
    const result = await clearAllBuyerData(withPorts(deps, ports), { confirmation: '删除', alsoClearOrders: true }, 'options');
    expect(result.ordersDeleted).toBe(2);
    expect(await deps.db.orders.count()).toBe(0);
    expect(await deps.db.items.count()).toBe(0);
    expect(await deps.db.audit.where('action').equals('buyers.clear-all').count()).toBe(1);
  });
});
