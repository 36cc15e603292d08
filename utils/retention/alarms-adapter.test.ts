import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { retentionAlarms } from './alarms-adapter';
import { armNextPurgeAlarm, nextPurgeDelayMinutes } from './next-deadline';
import { DAY_MS } from './retention-rule';
import { exportFile, makeTestDeps, seedHeld, T0 } from '../../tests/support/retention-test-data';
import { NEXT_PURGE_ALARM, SWEEP_ALARM, SWEEP_PERIOD_MINUTES } from './retention-alarms';

describe('retention alarms', () => {
  it('creates the 30-minute sweep only when it is missing (keeps an existing schedule)', async () => {
    expect(await retentionAlarms.ensureSweep()).toBe(true);
    const sweep = await fakeBrowser.alarms.get(SWEEP_ALARM);
    expect(sweep!.periodInMinutes).toBe(SWEEP_PERIOD_MINUTES);
    expect(await retentionAlarms.ensureSweep()).toBe(false);
    expect((await fakeBrowser.alarms.get(SWEEP_ALARM))!.scheduledTime).toBe(sweep!.scheduledTime);
    await fakeBrowser.alarms.clear(SWEEP_ALARM);
    expect(await retentionAlarms.ensureSweep()).toBe(true);
    expect(await fakeBrowser.alarms.get(SWEEP_ALARM)).toBeDefined();
  });

  it('arms the one-shot at the minimum purgeAt (buyers, orders, live files), measured on the service clock', async () => {
    const deps = makeTestDeps();
    await seedHeld(deps, 'PO-a', T0 + 3 * DAY_MS);
    await seedHeld(deps, 'PO-b', T0 + 2 * DAY_MS);
    await deps.db.exports.add(exportFile(['PO-x'], T0 + DAY_MS, 1, { state: 'removed' }));
    const before = Date.now();
    expect(await armNextPurgeAlarm(deps, T0)).toBe(T0 + 2 * DAY_MS);
    const alarm = await fakeBrowser.alarms.get(NEXT_PURGE_ALARM);
    expect(alarm!.periodInMinutes).toBeUndefined();
    // fake alarms schedule from the real Date.now(): delay = 2 days from the service clock
    expect(alarm!.scheduledTime - before).toBeGreaterThanOrEqual(2 * DAY_MS - 1000);
    expect(alarm!.scheduledTime - before).toBeLessThanOrEqual(2 * DAY_MS + 1000);

    await deps.db.exports.add(exportFile(['PO-b'], T0 + DAY_MS, 2));
    expect(await armNextPurgeAlarm(deps, T0)).toBe(T0 + DAY_MS);
  });

  it('clears the one-shot when no PII is held', async () => {
    const deps = makeTestDeps();
    await fakeBrowser.alarms.create(NEXT_PURGE_ALARM, { delayInMinutes: 5 });
    expect(await armNextPurgeAlarm(deps, T0)).toBeNull();
    expect(await fakeBrowser.alarms.get(NEXT_PURGE_ALARM)).toBeUndefined();
  });

  it('fires at once for a deadline already passed', () => {
    expect(nextPurgeDelayMinutes(T0 - 5, T0)).toBe(0);
    expect(nextPurgeDelayMinutes(T0 + 90_000, T0)).toBe(1.5);
  });
});
