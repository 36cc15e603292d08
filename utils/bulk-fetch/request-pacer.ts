/**
 * The bulk-fetch rate limit (issue 12): every request to the seller center — the reason note and
 * the address query alike — leaves at least `intervalMs` after the previous one. The runner
 * records a request when its answer is back (it left before that), so the page world's own delays
 * can never bring two requests closer than the interval. Pure: the caller passes the clock.
 */

/** Default: at most one request a second. */
export const DEFAULT_REQUEST_INTERVAL_MS = 1000;
/** The seller may only slow it down: one request per 1 s … 60 s. */
export const MIN_REQUEST_INTERVAL_MS = DEFAULT_REQUEST_INTERVAL_MS;
export const MAX_REQUEST_INTERVAL_MS = 60_000;
/** The paces offered in the popup and the in-page panel. */
export const REQUEST_INTERVAL_CHOICES_MS = [1000, 2000, 5000, 10_000] as const;
/** Requests one order costs: the reason note, then the address query. */
export const REQUESTS_PER_ORDER = 2;

/** An interval the pacer accepts: whole ms within [1 s, 60 s]; anything else is the default. */
export function clampRequestInterval(ms: unknown): number {
  if (typeof ms !== 'number' || !Number.isFinite(ms)) return DEFAULT_REQUEST_INTERVAL_MS;
  return Math.min(MAX_REQUEST_INTERVAL_MS, Math.max(MIN_REQUEST_INTERVAL_MS, Math.ceil(ms)));
}

export interface RequestPacer {
  /** How long to wait before the next request may leave (0: now). */
  waitBefore(now: number): number;
  /** Records a request at `now` (the runner: when its answer came back). */
  sent(now: number): void;
}

export function createRequestPacer(intervalMs: number): RequestPacer {
  const interval = clampRequestInterval(intervalMs);
  let last = Number.NEGATIVE_INFINITY;
  return {
    waitBefore: (now) => Math.max(0, last + interval - now),
    sent: (now) => {
      // A clock that went backwards must not let two requests out together.
      last = Math.max(now, last);
    },
  };
}

/** Time left for `ordersLeft` orders at this pace (requests are the bottleneck; answers usually take less). */
export function estimateTimeLeftMs(ordersLeft: number, intervalMs: number): number {
  return Math.max(0, ordersLeft) * REQUESTS_PER_ORDER * clampRequestInterval(intervalMs);
}
