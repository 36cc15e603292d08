import { localDayStart } from '../time/local-day';

/** Purges falling on one local calendar day. */
export interface PurgeDay {
  /** Local midnight that starts the day (epoch ms). */
  dayStart: number;
  /** Earliest purge that day. */
  first: number;
  count: number;
}

/** Groups ascending purge times into the first `limit` local days that have purges. */
export function groupPurgesByLocalDay(sortedPurgeAts: readonly number[], utcOffsetMinutes: number, limit: number): PurgeDay[] {
  const days: PurgeDay[] = [];
  for (const at of sortedPurgeAts) {
    const dayStart = localDayStart(at, utcOffsetMinutes);
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
