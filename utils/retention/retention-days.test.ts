import { describe, expect, it } from 'vitest';
import { applyRetentionDays } from './retention-days';
import { DAY_MS } from './retention-rule';
import { exportFile, makeTestDeps, seedHeld, T0 } from '../../tests/support/retention-test-data';

describe('applyRetentionDays', () => {
  it('brings purges forward from the order facts (orders, buyers, live files), never later', async () => {
    const deps = makeTestDeps();
    await seedHeld(deps, 'PO-shipped', T0 + 28 * DAY_MS, { shippedAt: T0 });
    await seedHeld(deps, 'PO-unshipped', T0 + 2 * DAY_MS + 28 * DAY_MS, { capturedAt: T0 + 2 * DAY_MS });
    await seedHeld(deps, 'PO-early', T0 + DAY_MS, { shippedAt: T0 }); // already earlier than 7 days
    const fileId = await deps.db.exports.add(exportFile(['PO-unshipped'], T0 + 30 * DAY_MS, 4));
    deps.clock.now = T0 + 3 * DAY_MS;

    expect(await applyRetentionDays(deps, 7)).toBe(2);

    expect((await deps.db.orders.get('PO-shipped'))!.purgeAt).toBe(T0 + 7 * DAY_MS);
    expect((await deps.db.buyers.get('PO-shipped'))!.purgeAt).toBe(T0 + 7 * DAY_MS);
    expect((await deps.db.buyers.get('PO-unshipped'))!.purgeAt).toBe(T0 + 9 * DAY_MS);
    expect((await deps.db.buyers.get('PO-early'))!.purgeAt).toBe(T0 + DAY_MS);
    expect((await deps.db.exports.get(fileId))!.purgeAt).toBe(T0 + 9 * DAY_MS);
    const audit = await deps.db.audit.toArray();
    expect(audit.map((a) => [a.action, a.counts])).toEqual([['retention.days-changed', { retentionDays: 7, broughtForward: 2 }]]);

    // raising again changes nothing
    expect(await applyRetentionDays(deps, 28)).toBe(0);
    expect((await deps.db.buyers.get('PO-shipped'))!.purgeAt).toBe(T0 + 7 * DAY_MS);
  });
});
