import { describe, expect, it } from 'vitest';
import { localDayStart } from '../time/local-day';
import { groupPurgesByLocalDay } from './purge-schedule';
import { purgeDueBuyers } from './purge-service';
import { DAY_MS } from './retention-rule';
import { readNextPurge, readRetentionStatus } from './retention-status';
import { FakeDownloads, makeTestDeps, seedHeld, withFiles } from '../../tests/support/retention-test-data';

const H = 3_600_000;
const midnightUtc = Date.UTC(2026, 10, 10);

describe('purge schedule', () => {
  it("groups by the viewer's local day", () => {
    // 20:00 UTC is 04:00 next day in UTC+8 (offset +480), still the same day in UTC.
    const times = [midnightUtc + 10 * H, midnightUtc + 20 * H, midnightUtc + DAY_MS + 10 * H];
    expect(groupPurgesByLocalDay(times, 0, 5).map((d) => d.count)).toEqual([2, 1]);
    expect(groupPurgesByLocalDay(times, 480, 5).map((d) => d.count)).toEqual([1, 2]);
    expect(localDayStart(midnightUtc + 20 * H, 480)).toBe(midnightUtc + DAY_MS - 8 * H);
    expect(groupPurgesByLocalDay(times, 0, 1)).toEqual([{ dayStart: midnightUtc, first: midnightUtc + 10 * H, count: 2 }]);
  });
});

describe('retention status', () => {
  it('counts held PII, next purges, per shop and the last purge', async () => {
    const deps = makeTestDeps();
    deps.clock.now = midnightUtc;
    await seedHeld(deps, 'PO-gone', midnightUtc - 1);
    await seedHeld(deps, 'PO-1', midnightUtc + 10 * H);
    await seedHeld(deps, 'PO-2', midnightUtc + 11 * H, { shopId: '2002' });
    await seedHeld(deps, 'PO-3', midnightUtc + 3 * DAY_MS, { shopId: '2002' });
    await purgeDueBuyers(withFiles(deps, new FakeDownloads()), { trigger: 'alarm' });

    const status = await readRetentionStatus(deps, 0, 5);
    expect(status.ordersWithPii).toBe(3);
    expect(status.nextPurgeAt).toBe(midnightUtc + 10 * H);
    expect(status.upcoming.map((d) => [d.dayStart, d.count])).toEqual([
      [midnightUtc, 2],
      [midnightUtc + 3 * DAY_MS, 1],
    ]);
    expect(status.shops).toEqual([
      { shopId: '1001', withPii: 1, nextPurgeAt: midnightUtc + 10 * H },
      { shopId: '2002', withPii: 2, nextPurgeAt: midnightUtc + 11 * H },
    ]);
    expect(status.lastPurge).toEqual({ at: midnightUtc, orders: 1, trigger: 'alarm' });

    expect(await readNextPurge(deps, 0)).toEqual({ nextPurgeAt: midnightUtc + 10 * H, countThatDay: 2, ordersWithPii: 3 });
  });

  it('is empty when nothing is held', async () => {
    const deps = makeTestDeps();
    expect(await readNextPurge(deps, 0)).toEqual({ nextPurgeAt: null, countThatDay: 0, ordersWithPii: 0 });
    expect((await readRetentionStatus(deps, 0, 5)).upcoming).toEqual([]);
  });
});
