import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { makeHandlerDeps } from '../../tests/support/handler-test-deps';
import { makeOrder } from '../../tests/support/order-test-data';
import { LOCAL_KEYS } from '../storage-keys';
import { createShipByAlerts } from './ship-by-alerts';
import { MORNING_HOUR, nextMorningAt, nextRecountAt, shipByBadgeText } from './ship-by-schedule';

const HOUR = 3_600_000;
// 2026-12-02 10:00 in UTC+8 (02:00 UTC).
const NOW = Date.UTC(2026, 11, 2, 2);
const UTC8 = 480;

function recordingPort() {
  const calls = { badge: [] as string[], recount: [] as number[], morning: [] as (number | null)[], notified: [] as number[] };
  return {
    calls,
    port: {
      showBadge: async (text: string) => void calls.badge.push(text),
      scheduleRecount: async (at: number) => void calls.recount.push(at),
      scheduleMorning: async (at: number | null) => void calls.morning.push(at),
      notify: async (count: number) => void calls.notified.push(count),
    },
  };
}

describe('ship-by schedule (issue 14)', () => {
  it('badge text: none at 0, the count, 999+ above 999', () => {
    expect(shipByBadgeText(0)).toBe('');
    expect(shipByBadgeText(7)).toBe('7');
    expect(shipByBadgeText(999)).toBe('999');
    expect(shipByBadgeText(1000)).toBe('999+');
  });

  it('recount just after the seller’s midnight; morning notice at 08:00 local, the next one once passed', () => {
    expect(nextRecountAt(NOW, UTC8)).toBe(Date.UTC(2026, 11, 2, 16) + 1_000);
    expect(nextMorningAt(NOW, UTC8)).toBe(Date.UTC(2026, 11, 3, 0));
    expect(nextMorningAt(Date.UTC(2026, 11, 1, 23), UTC8)).toBe(Date.UTC(2026, 11, 2, 0));
    expect(new Date(nextMorningAt(NOW, 0)).getUTCHours()).toBe(MORNING_HOUR);
  });
});

describe('createShipByAlerts (issue 14)', () => {
  beforeEach(() => fakeBrowser.reset());

  it('badge counts to-ship orders due today or overdue in the seller’s zone, not shipped or closed ones', async () => {
    const { calls, port } = recordingPort();
    const deps = { ...makeHandlerDeps(NOW), shipByAlerts: port };
    await deps.db.orders.bulkPut([
      makeOrder({ orderSn: 'PO-overdue', status: 'to_ship', shipBy: NOW - 30 * HOUR }),
      makeOrder({ orderSn: 'PO-today', status: 'to_ship', shipBy: NOW + 5 * HOUR }),
      makeOrder({ orderSn: 'PO-tomorrow', status: 'to_ship', shipBy: NOW + 15 * HOUR }),
      makeOrder({ orderSn: 'PO-shipped', status: 'shipped', shipBy: NOW - 30 * HOUR, shippedAt: NOW - 40 * HOUR }),
      makeOrder({ orderSn: 'PO-cancelled', status: 'cancelled', shipBy: NOW - HOUR }),
    ]);
    const alerts = createShipByAlerts(deps, () => UTC8);
    expect(await alerts.refresh()).toBe(2);
    expect(calls.badge).toEqual(['2']);
    expect(calls.recount).toEqual([nextRecountAt(NOW, UTC8)]);
    // Morning notice off by default: its alarm is cleared, nothing notified.
    expect(calls.morning).toEqual([null]);
    await alerts.morning();
    expect(calls.notified).toEqual([]);
  });

  it('morning notice when the setting is on and something is due; none when nothing is', async () => {
    await fakeBrowser.storage.local.set({ [LOCAL_KEYS.settings]: { shippingRun: { shipByMorningNotice: true } } });
    const { calls, port } = recordingPort();
    const deps = { ...makeHandlerDeps(NOW), shipByAlerts: port };
    const alerts = createShipByAlerts(deps, () => UTC8);
    await alerts.morning();
    expect(calls.notified).toEqual([]);
    expect(calls.badge).toEqual(['']);
    expect(calls.morning).toEqual([nextMorningAt(NOW, UTC8)]);
    await deps.db.orders.put(makeOrder({ orderSn: 'PO-late', status: 'to_ship', shipBy: NOW - HOUR }));
    await alerts.morning();
    expect(calls.notified).toEqual([1]);
  });
});
