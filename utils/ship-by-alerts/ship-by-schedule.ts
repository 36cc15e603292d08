import { endOfLocalDay, localDayStart } from '../time/local-day';

/** Alarm names of the ship-by alerts (issue 14); nothing else listens to them. */
export const SHIP_BY_RECOUNT_ALARM = 'ship-by-recount';
export const SHIP_BY_MORNING_ALARM = 'ship-by-morning';
export const isShipByAlarm = (name: string) => name === SHIP_BY_RECOUNT_ALARM || name === SHIP_BY_MORNING_ALARM;

/** The morning notice comes at 08:00 in the seller's zone: before a usual shipping day starts. */
export const MORNING_HOUR = 8;

/**
 * Badge text for a count of orders due today or overdue: empty at 0 (no badge), "999+" above
 * 999 (the badge has room for about four characters).
 */
export function shipByBadgeText(dueCount: number): string {
  if (dueCount <= 0) return '';
  return dueCount > 999 ? '999+' : String(dueCount);
}

/** The next local midnight after `now`: orders become due when the seller's day changes, so the count is taken again then. */
export function nextRecountAt(now: number, utcOffsetMinutes: number): number {
  return endOfLocalDay(now, utcOffsetMinutes) + 1_000;
}

/** The next 08:00 in the seller's zone strictly after `now`. */
export function nextMorningAt(now: number, utcOffsetMinutes: number): number {
  const today = localDayStart(now, utcOffsetMinutes) + MORNING_HOUR * 3_600_000;
  return today > now ? today : today + 24 * 3_600_000;
}
