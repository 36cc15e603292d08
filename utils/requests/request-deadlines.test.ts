import { describe, expect, it } from 'vitest';
import {
  applyRequestEvent,
  completeDueAt,
  DUE_SOON_MS,
  HOUR_MS,
  policyDeadline,
  type RequestTimeline,
  RequestTransitionError,
  requestOutcome,
  requestUrgency,
  verifyDueAt,
  workingDeadline,
} from './request-deadlines';

const T0 = Date.UTC(2026, 11, 1, 9, 30);
const received = (): RequestTimeline => ({ state: 'received', receivedAt: T0, verifiedAt: null, closedAt: null, delay: null });

describe('request deadlines (policy: 24 h / 48 h / 7 d)', () => {
  it('identity must be verified within 24 h of receipt: at 24 h on time, 1 ms later late', () => {
    expect(verifyDueAt(received())).toBe(T0 + 24 * HOUR_MS);
    const onTime = applyRequestEvent(received(), { type: 'verify' }, T0 + 24 * HOUR_MS);
    expect(requestOutcome(onTime, T0 + 24 * HOUR_MS).verifiedOnTime).toBe(true);
    const late = applyRequestEvent(received(), { type: 'verify' }, T0 + 24 * HOUR_MS + 1);
    expect(requestOutcome(late, T0 + 24 * HOUR_MS + 1).verifiedOnTime).toBe(false);
    // Not verified yet: unknown until the deadline passes, then missed.
    expect(requestOutcome(received(), T0 + 24 * HOUR_MS).verifiedOnTime).toBeNull();
    expect(requestOutcome(received(), T0 + 24 * HOUR_MS + 1).verifiedOnTime).toBe(false);
  });

  it('done within 48 h of verification: at 48 h on time, 1 ms later late', () => {
    const verified = applyRequestEvent(received(), { type: 'verify' }, T0 + 2 * HOUR_MS);
    expect(completeDueAt(verified)).toBe(T0 + 50 * HOUR_MS);
    expect(policyDeadline(verified)).toEqual({ step: 'complete', dueAt: T0 + 50 * HOUR_MS });
    const onTime = applyRequestEvent(verified, { type: 'complete' }, T0 + 50 * HOUR_MS);
    expect(requestOutcome(onTime, T0 + 50 * HOUR_MS)).toEqual({ verifiedOnTime: true, completedOnTime: true, withinSevenDays: true });
    const late = applyRequestEvent(verified, { type: 'complete' }, T0 + 50 * HOUR_MS + 1);
    expect(requestOutcome(late, T0 + 50 * HOUR_MS + 1).completedOnTime).toBe(false);
  });

  it('never later than 7 days from receipt: caps the 48 h rule after a late verification', () => {
    const verifiedLate = applyRequestEvent(received(), { type: 'verify' }, T0 + 6 * 24 * HOUR_MS);
    expect(completeDueAt(verifiedLate)).toBe(T0 + 7 * 24 * HOUR_MS);
    const atCap = applyRequestEvent(verifiedLate, { type: 'complete' }, T0 + 7 * 24 * HOUR_MS);
    expect(requestOutcome(atCap, T0 + 7 * 24 * HOUR_MS)).toMatchObject({ completedOnTime: true, withinSevenDays: true });
    const pastCap = applyRequestEvent(verifiedLate, { type: 'complete' }, T0 + 7 * 24 * HOUR_MS + 1);
    expect(requestOutcome(pastCap, T0 + 7 * 24 * HOUR_MS + 1)).toMatchObject({ completedOnTime: false, withinSevenDays: false });
    expect(requestOutcome(received(), T0 + 7 * 24 * HOUR_MS + 1).withinSevenDays).toBe(false);
  });

  it('urgency: on track, due soon from 12 h before, overdue 1 ms after the deadline', () => {
    const due = verifyDueAt(received());
    expect(requestUrgency(received(), due - DUE_SOON_MS - 1)).toBe('on-track');
    expect(requestUrgency(received(), due - DUE_SOON_MS)).toBe('due-soon');
    expect(requestUrgency(received(), due)).toBe('due-soon');
    expect(requestUrgency(received(), due + 1)).toBe('overdue');
    const done = applyRequestEvent(applyRequestEvent(received(), { type: 'verify' }, T0), { type: 'complete' }, T0 + 1);
    expect(requestUrgency(done, T0 + 100 * HOUR_MS)).toBe('closed');
  });

  it('a recorded delay moves the working deadline, not the policy judgement', () => {
    const now = T0 + 20 * HOUR_MS;
    const delayed = applyRequestEvent(received(), { type: 'delay', newExpectedAt: T0 + 40 * HOUR_MS }, now);
    expect(delayed.delay).toEqual({ recordedAt: now, newExpectedAt: T0 + 40 * HOUR_MS });
    expect(workingDeadline(delayed)).toEqual({ step: 'verify', dueAt: T0 + 40 * HOUR_MS });
    expect(requestUrgency(delayed, T0 + 25 * HOUR_MS)).toBe('on-track');
    expect(requestOutcome(delayed, T0 + 25 * HOUR_MS).verifiedOnTime).toBe(false);
    // A new time earlier than the policy deadline changes nothing.
    const early = applyRequestEvent(received(), { type: 'delay', newExpectedAt: T0 + HOUR_MS }, T0);
    expect(workingDeadline(early)?.dueAt).toBe(T0 + 24 * HOUR_MS);
  });

  it('transitions: only in order, never after closing, delay only ahead', () => {
    expect(() => applyRequestEvent(received(), { type: 'complete' }, T0)).toThrow(RequestTransitionError);
    const verified = applyRequestEvent(received(), { type: 'verify' }, T0);
    expect(() => applyRequestEvent(verified, { type: 'verify' }, T0)).toThrow(RequestTransitionError);
    const declined = applyRequestEvent(verified, { type: 'decline' }, T0 + 5);
    expect(declined).toMatchObject({ state: 'declined', closedAt: T0 + 5 });
    for (const event of [{ type: 'verify' }, { type: 'complete' }, { type: 'decline' }, { type: 'delay', newExpectedAt: T0 + 10 * HOUR_MS }] as const) {
      expect(() => applyRequestEvent(declined, event, T0 + 6)).toThrow(RequestTransitionError);
    }
    expect(() => applyRequestEvent(received(), { type: 'delay', newExpectedAt: T0 }, T0)).toThrow(RequestTransitionError);
    const declinedUnverified = applyRequestEvent(received(), { type: 'decline' }, T0 + 24 * HOUR_MS);
    expect(requestOutcome(declinedUnverified, T0 + 30 * 24 * HOUR_MS)).toEqual({ verifiedOnTime: true, completedOnTime: null, withinSevenDays: true });
  });
});
