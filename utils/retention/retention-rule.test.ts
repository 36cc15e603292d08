import { describe, expect, it } from 'vitest';
import { readSellerCenterTime } from '../time/seller-center-time';
import { clampRetentionDays, computePurgeAt, DAY_MS, isPurgeDue, retentionFactsOf } from './retention-rule';
import { MAX_RETENTION_DAYS } from '../policy/policy-document';
import { heldOrder, T0 } from '../../tests/support/retention-test-data';

const MIN = 60_000;
const shipped = (shippedAt: number | null, capturedAt = T0, cancelled = false) => ({ shippedAt, capturedAt, cancelled });

describe('computePurgeAt', () => {
  it('is shippedAt + 28 days: 27d23h59m after shipping kept, 28d00h00m purged', () => {
    const purgeAt = computePurgeAt(shipped(T0), 28, T0);
    expect(purgeAt).toBe(T0 + 28 * DAY_MS);
    expect(isPurgeDue(purgeAt, T0 + 28 * DAY_MS - MIN)).toBe(false);
    expect(isPurgeDue(purgeAt, T0 + 28 * DAY_MS - 1)).toBe(false);
    expect(isPurgeDue(purgeAt, T0 + 28 * DAY_MS)).toBe(true);
  });

  it('falls back to the capture time when the shipment is unknown', () => {
    expect(computePurgeAt(shipped(null, T0 + 5_000), 28, T0 + 5_000)).toBe(T0 + 5_000 + 28 * DAY_MS);
  });

  it('an order shipped 30 days ago is due at capture (never written)', () => {
    const now = T0 + 30 * DAY_MS;
    expect(isPurgeDue(computePurgeAt(shipped(T0, now), 28, now), now)).toBe(true);
  });

  it('accepts lower retention, never more than 28 days', () => {
    expect(computePurgeAt(shipped(T0), 7, T0)).toBe(T0 + 7 * DAY_MS);
    expect(computePurgeAt(shipped(T0), 90, T0)).toBe(T0 + MAX_RETENTION_DAYS * DAY_MS);
    expect(clampRetentionDays(0)).toBe(1);
    expect(clampRetentionDays(Number.NaN)).toBe(28);
    expect(clampRetentionDays(3.9)).toBe(3);
  });

  it('cancelled orders are due at once', () => {
    const now = T0 + DAY_MS;
    expect(computePurgeAt(shipped(T0, T0, true), 28, now)).toBe(now);
    expect(computePurgeAt(retentionFactsOf(heldOrder('PO-1', 0, { status: 'cancelled' })), 28, now)).toBe(now);
  });

  it('a shipping time that arrives after capture can bring the purge forward', () => {
    const capturedAt = T0;
    const first = computePurgeAt(shipped(null, capturedAt), 28, capturedAt);
    // The seller center later reports the order shipped two days before we first saw it.
    const later = computePurgeAt(shipped(capturedAt - 2 * DAY_MS, capturedAt), 28, capturedAt + DAY_MS, first);
    expect(later).toBe(capturedAt + 26 * DAY_MS);
  });

  it('a shipping time after capture (or a seller mark) never pushes the purge later', () => {
    const first = computePurgeAt(shipped(null, T0), 28, T0);
    expect(computePurgeAt(shipped(T0 + 3 * DAY_MS, T0), 28, T0 + 3 * DAY_MS, first)).toBe(first);
  });

  it('re-capture cannot extend, and a purge already due stays due', () => {
    const stored = T0 + 10 * DAY_MS;
    expect(computePurgeAt(shipped(T0 + 5 * DAY_MS), 28, T0 + 6 * DAY_MS, stored)).toBe(stored);
    const now = stored + 1;
    expect(isPurgeDue(computePurgeAt(shipped(now), 28, now, stored), now)).toBe(true);
  });

  it('lowering retention brings a stored purge forward; raising leaves it', () => {
    const stored = computePurgeAt(shipped(T0), 28, T0);
    expect(computePurgeAt(shipped(T0), 7, T0 + DAY_MS, stored)).toBe(T0 + 7 * DAY_MS);
    expect(computePurgeAt(shipped(T0), 28, T0 + DAY_MS, T0 + 7 * DAY_MS)).toBe(T0 + 7 * DAY_MS);
  });

  it('a shipping time in the future (clock skew, bad string) counts from now, never later', () => {
    expect(computePurgeAt(shipped(T0 + 400 * DAY_MS), 28, T0)).toBe(T0 + 28 * DAY_MS);
    expect(computePurgeAt(shipped(Number.NaN, T0), 28, T0 + DAY_MS)).toBe(T0 + 28 * DAY_MS);
  });

  it('works in epoch ms: the same instant written in two zones gives the same purge time', () => {
    // A Shanghai seller (UTC+8) and a Los Angeles one (UTC-8)
    // see the same shipment as different wall-clock strings.
    const shanghai = readSellerCenterTime('2026-11-02 08:30:00', { utcOffsetMinutes: 480 })!.at;
    const losAngeles = readSellerCenterTime('2026-11-01 16:30:00', { utcOffsetMinutes: -480 })!.at;
    expect(shanghai).toBe(Date.UTC(2026, 10, 2, 0, 30));
    expect(losAngeles).toBe(shanghai);
    const now = shanghai + DAY_MS;
    const purgeAt = computePurgeAt(shipped(shanghai, now), 28, now);
    expect(purgeAt).toBe(Date.UTC(2026, 10, 30, 0, 30));
    expect(isPurgeDue(purgeAt, Date.UTC(2026, 10, 30, 0, 29))).toBe(false);
    expect(isPurgeDue(purgeAt, Date.UTC(2026, 10, 30, 0, 30))).toBe(true);
  });
});
