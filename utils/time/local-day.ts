/**
 * Calendar-day arithmetic in a given zone. Offsets are minutes EAST of UTC (UTC+8 → 480), the
 * code base's one sign convention (utils/time/utc-offset.ts); never Date#getTimezoneOffset's.
 */
export const DAY_MS = 86_400_000;

/** Local midnight (epoch ms) of the calendar day that contains `at`. */
export function localDayStart(at: number, utcOffsetMinutes: number): number {
  const offsetMs = utcOffsetMinutes * 60_000;
  return Math.floor((at + offsetMs) / DAY_MS) * DAY_MS - offsetMs;
}

/**
 * End (exclusive) of the calendar day that contains `now`: the popup sends the seller's offset
 * because the service worker's zone is not a promise about the seller's day.
 */
export function endOfLocalDay(now: number, utcOffsetMinutes: number): number {
  return localDayStart(now, utcOffsetMinutes) + DAY_MS;
}

/** This runtime's offset east of UTC at `at` (extension pages: the seller's zone, DST included). */
export function runtimeUtcOffsetMinutes(at = Date.now()): number {
  return -new Date(at).getTimezoneOffset();
}
