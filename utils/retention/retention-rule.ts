/** The policy's number: buyer PII is deleted 28 days after shipment (never later). */
export const MAX_RETENTION_DAYS = 28;
export const DAY_MS = 24 * 60 * 60 * 1000;

/** Sellers may shorten retention, never lengthen it past the policy. */
export function clampRetentionDays(days: number): number {
  if (!Number.isFinite(days)) return MAX_RETENTION_DAYS;
  return Math.min(MAX_RETENTION_DAYS, Math.max(1, Math.floor(days)));
}

export interface RetentionFacts {
  shippedAt: number | null;
  capturedAt: number;
  cancelled: boolean;
}

/**
 * purgeAt = (shippedAt ?? capturedAt) + retentionDays; cancelled orders are due at once
 * (no delivery left to serve). `previous` is the purgeAt already stored: a re-capture may
 * bring a purge forward, never push it later.
 */
export function computePurgeAt(facts: RetentionFacts, retentionDays: number, now: number, previous?: number | null): number {
  const start = facts.shippedAt ?? facts.capturedAt;
  let purgeAt = facts.cancelled ? now : start + clampRetentionDays(retentionDays) * DAY_MS;
  if (previous != null) purgeAt = Math.min(purgeAt, previous);
  return purgeAt;
}

/** PII whose purge time has come is never written (and never returned by a read). */
export function isPurgeDue(purgeAt: number, now: number): boolean {
  return purgeAt <= now;
}
