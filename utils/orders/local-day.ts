import { DAY_MS } from '../retention/retention-rule';

/**
 * End (exclusive, epoch ms) of the calendar day that contains `now` in the seller's time zone.
 * `tzOffsetMinutes` is `Date#getTimezoneOffset()` of the seller's page (UTC minus local, so
 * positive west of Greenwich): the popup sends it because the service worker's zone is not a
 * promise about the seller's day.
 */
export function endOfLocalDay(now: number, tzOffsetMinutes: number): number {
  const offsetMs = tzOffsetMinutes * 60_000;
  const localNow = now - offsetMs;
  const localStart = Math.floor(localNow / DAY_MS) * DAY_MS;
  return localStart + DAY_MS + offsetMs;
}
