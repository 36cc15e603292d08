import { DAY_MS } from './retention-rule';

/** Purges falling on one local calendar day. */
export interface PurgeDay {
  /** Local midnight that starts the day (epoch ms). */
  dayStart: number;
  /** Earliest purge that day. */
  first: number;
  count: number;
}

/**
 * Local midnight for `at`, with `tzOffsetMinutes` = Date#getTimezoneOffset of the viewer
 * (UTC minus local, e.g. -480 for UTC+8). Pure: the viewer's zone is a parameter.
 */
export function localDayStart(at: number, tzOffsetMinutes: number): number {
  const offsetMs = tzOffsetMinutes * 60_000;
  return Math.floor((at - offsetMs) / DAY_MS) * DAY_MS + offsetMs;
}

/** Groups ascending purge times into the first `limit` local days that have purges. */
export function groupPurgesByLocalDay(sortedPurgeAts: readonly number[], tzOffsetMinutes: number, limit: number): PurgeDay[] {
  const days: PurgeDay[] = [];
  for (const at of sortedPurgeAts) {
    const dayStart = localDayStart(at, tzOffsetMinutes);
    const last = days[days.length - 1];
    if (last && last.dayStart === dayStart) {
      last.count++;
    } else {
      if (days.length === limit) break;
      days.push({ dayStart, first: at, count: 1 });
    }
  }
  return days;
}
