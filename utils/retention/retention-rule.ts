import type { OrderRecord } from '../db/records';
import { MAX_RETENTION_DAYS } from '../policy/policy-document';

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
 * When the 28-day clock starts: shipment if known, else first capture. A start in the future
 * (clock skew, a mis-parsed time string) is treated as "now" so a bogus date can never keep PII
 * longer than retentionDays from today.
 */
function clockStart(facts: RetentionFacts, now: number): number {
  const start = Number.isFinite(facts.shippedAt) ? facts.shippedAt! : Number.isFinite(facts.capturedAt) ? facts.capturedAt : now;
  return Math.min(start, now);
}

/**
 * purgeAt = (shippedAt ?? capturedAt) + retentionDays; cancelled orders are due at once
 * (no delivery left to serve). `previous` is the purgeAt already stored: a re-capture, a
 * shipment learned later or a lowered retentionDays may bring a purge forward, never push it
 * later — and a purge already due stays due.
 */
export function computePurgeAt(facts: RetentionFacts, retentionDays: number, now: number, previous?: number | null): number {
  const purgeAt = facts.cancelled ? now : clockStart(facts, now) + clampRetentionDays(retentionDays) * DAY_MS;
  return previous != null ? Math.min(purgeAt, previous) : purgeAt;
}

/** PII whose purge time has come is never written (and never returned by a read). */
export function isPurgeDue(purgeAt: number, now: number): boolean {
  return purgeAt <= now;
}

/** The rule's inputs, read from a stored order. */
export function retentionFactsOf(order: Pick<OrderRecord, 'shippedAt' | 'capturedAt' | 'status'>): RetentionFacts {
  return { shippedAt: order.shippedAt, capturedAt: order.capturedAt, cancelled: order.status === 'cancelled' };
}
