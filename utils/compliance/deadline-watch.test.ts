import { describe, expect, it } from 'vitest';
import { deadlineSignals, newAnnouncements } from './deadline-watch';

const H = 3_600_000;
const T0 = Date.UTC(2026, 11, 2, 0, 0);
const request = (id: number, extra: Partial<{ state: 'received' | 'verified' | 'completed'; verifiedAt: number | null }> = {}) => ({
  id,
  state: 'received' as const,
  receivedAt: T0,
  verifiedAt: null,
  closedAt: null,
  delay: null,
  ...extra,
});

describe('deadline signals (badge, notifications, next check)', () => {
  it('counts a request from exactly 12 h before its deadline, and every overdue one', () => {
    // Verify deadline T0 + 24 h: due soon from T0 + 12 h.
    expect(deadlineSignals([request(1)], [], T0 + 12 * H - 1)).toEqual({ badgeCount: 0, dueSoon: [], nextCheckAt: T0 + 12 * H });
    const at12 = deadlineSignals([request(1)], [], T0 + 12 * H);
    expect(at12.badgeCount).toBe(1);
    expect(at12.dueSoon).toEqual([{ key: `request:1:${T0 + 24 * H}`, kind: 'request', id: 1, dueAt: T0 + 24 * H }]);
    expect(deadlineSignals([request(1)], [], T0 + 100 * H).badgeCount).toBe(1);
    expect(deadlineSignals([request(1, { state: 'completed' } as never)], [], T0 + 100 * H).badgeCount).toBe(0);
  });

  it('a verified request gets its 48 h deadline announced again; unreported incidents count until reported', () => {
    const verified = request(2, { state: 'verified', verifiedAt: T0 + H });
    const signals = deadlineSignals([verified], [{ id: 7, state: 'open', detectedAt: T0, reportedAt: null, resolvedAt: null }], T0 + 2 * H);
    expect(signals.badgeCount).toBe(1);
    expect(signals.nextCheckAt).toBe(T0 + 37 * H);
    const later = deadlineSignals([verified], [{ id: 7, state: 'reported', detectedAt: T0, reportedAt: T0 + H, resolvedAt: null }], T0 + 40 * H);
    expect(later.badgeCount).toBe(1);
    expect(later.dueSoon.map((d) => d.key)).toEqual([`request:2:${T0 + 49 * H}`]);
  });

  it('announces each deadline once', () => {
    const signals = deadlineSignals([request(1), request(2)], [], T0 + 13 * H);
    const first = newAnnouncements(signals, []);
    expect(first.announce).toHaveLength(2);
    const second = newAnnouncements(signals, first.keep);
    expect(second.announce).toEqual([]);
  });
});
