import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { LOCAL_KEYS } from '../storage-keys';
import { DAY_MS } from './retention-rule';
import { registerRetention } from './retention-listeners';
import { makeTestDeps, seedHeld, T0 } from '../../tests/support/retention-test-data';
import { NEXT_PURGE_ALARM, SWEEP_ALARM } from './retention-alarms';

async function settle(check: () => Promise<boolean>): Promise<void> {
  for (let i = 0; i < 100; i++) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 10));
  }
  throw new Error('condition not reached');
}

describe('registerRetention', () => {
  it('on wake: creates the sweep alarm, purges what is due, arms the next one-shot', async () => {
    const deps = makeTestDeps();
    await seedHeld(deps, 'PO-due', T0 - 1);
    await seedHeld(deps, 'PO-next', T0 + DAY_MS);
    registerRetention(deps);
    await settle(async () => (await deps.db.buyers.count()) === 1 && !!(await fakeBrowser.alarms.get(NEXT_PURGE_ALARM)));
    expect(await fakeBrowser.alarms.get(SWEEP_ALARM)).toBeDefined();
    expect(await deps.db.buyers.toCollection().primaryKeys()).toEqual(['PO-next']);
  });

  it('the one-shot alarm purges when it fires, and the sweep is re-created if it went missing', async () => {
    const deps = makeTestDeps();
    await seedHeld(deps, 'PO-1', T0 + DAY_MS);
    registerRetention(deps);
    await settle(async () => !!(await fakeBrowser.alarms.get(SWEEP_ALARM)) && !!(await fakeBrowser.alarms.get(NEXT_PURGE_ALARM)));
    await fakeBrowser.alarms.clear(SWEEP_ALARM);
    deps.clock.now = T0 + DAY_MS;
    await fakeBrowser.alarms.onAlarm.trigger({ name: NEXT_PURGE_ALARM, scheduledTime: Date.now() });
    await settle(async () => (await deps.db.buyers.count()) === 0 && !!(await fakeBrowser.alarms.get(SWEEP_ALARM)));
    expect((await deps.db.orders.get('PO-1'))!.piiState).toBe('purged');
    // nothing held any more: no one-shot
    await settle(async () => (await fakeBrowser.alarms.get(NEXT_PURGE_ALARM)) === undefined);
  });

  it('install and startup run a purge', async () => {
    const deps = makeTestDeps();
    registerRetention(deps);
    await settle(async () => !!(await fakeBrowser.alarms.get(SWEEP_ALARM)));
    await seedHeld(deps, 'PO-1', T0);
    await fakeBrowser.runtime.onStartup.trigger();
    await settle(async () => (await deps.db.buyers.count()) === 0);
    await seedHeld(deps, 'PO-2', T0);
    await fakeBrowser.runtime.onInstalled.trigger({ reason: 'update', temporary: false });
    await settle(async () => (await deps.db.buyers.count()) === 0);
  });

  it('lowering retentionDays in settings brings purges forward and purges what became due', async () => {
    const deps = makeTestDeps();
    deps.clock.now = T0 + 10 * DAY_MS;
    await seedHeld(deps, 'PO-old', T0 + 28 * DAY_MS, { shippedAt: T0 });
    await seedHeld(deps, 'PO-new', T0 + 9 * DAY_MS + 28 * DAY_MS, { shippedAt: T0 + 9 * DAY_MS });
    registerRetention(deps);
    await fakeBrowser.storage.local.set({ [LOCAL_KEYS.settings]: { retentionDays: 7 } });
    await settle(async () => (await deps.db.buyers.count()) === 1);
    expect((await deps.db.buyers.get('PO-new'))!.purgeAt).toBe(T0 + 16 * DAY_MS);
    expect((await deps.db.orders.get('PO-new'))!.purgeAt).toBe(T0 + 16 * DAY_MS);
    expect((await deps.db.orders.get('PO-old'))!.piiState).toBe('purged');
  });
});

describe('rearm after a write', () => {
  it('purges at once when something is already due (e.g. a cancelled order), without waiting for the alarm', async () => {
    const deps = makeTestDeps();
    const triggers = registerRetention(deps);
    await settle(async () => !!(await fakeBrowser.alarms.get(SWEEP_ALARM)));
    // A capture marks an order cancelled: purgeAt = now.
    await seedHeld(deps, 'PO-cancelled', T0, { status: 'cancelled' });
    await seedHeld(deps, 'PO-live', T0 + DAY_MS);
    await triggers.rearm();
    await settle(async () => (await deps.db.buyers.count()) === 1);
    const audit = await deps.db.audit.where('action').equals('retention.purge').first();
    expect(audit).toMatchObject({ orderSns: ['PO-cancelled'], detail: 'write' });
  });
});
