/**
 * Exponential back-off for wrong passphrases (issue 4): the first FREE_ATTEMPTS failures cost
 * nothing; from then on each failure blocks further attempts for BASE_DELAY_MS doubling per
 * extra failure, capped at MAX_DELAY_MS. Persisted in `meta` so killing the worker resets nothing.
 */
export interface UnlockBackoff {
  failures: number;
  /** Attempts before this time are refused without running the KDF. */
  retryAt: number | null;
}

export const FREE_ATTEMPTS = 5;
export const BASE_DELAY_MS = 30_000;
export const MAX_DELAY_MS = 60 * 60_000;
export const NO_BACKOFF: UnlockBackoff = { failures: 0, retryAt: null };

export function isBlocked(state: UnlockBackoff, now: number): boolean {
  return state.retryAt != null && now < state.retryAt;
}

/** State after one more wrong passphrase at `now`. */
export function afterFailure(state: UnlockBackoff, now: number): UnlockBackoff {
  const failures = state.failures + 1;
  if (failures < FREE_ATTEMPTS) return { failures, retryAt: null };
  const delay = Math.min(MAX_DELAY_MS, BASE_DELAY_MS * 2 ** (failures - FREE_ATTEMPTS));
  return { failures, retryAt: now + delay };
}

export function parseBackoff(raw: unknown): UnlockBackoff {
  const v = raw as Partial<UnlockBackoff> | undefined;
  if (!v || typeof v.failures !== 'number') return NO_BACKOFF;
  return { failures: v.failures, retryAt: typeof v.retryAt === 'number' ? v.retryAt : null };
}
