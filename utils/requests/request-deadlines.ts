/**
 * Deadlines of a buyer's data request (privacy policy, "Buyers' requests"): identity verified
 * within 24 h of receipt; the request done within 48 h of verification; never later than 7 days
 * from receipt. Pure functions of the stored instants and `now` (DIRECTION: Time). "Within" is
 * inclusive: an action at exactly the deadline is on time; one millisecond later is late.
 */
export const HOUR_MS = 60 * 60 * 1000;
export const VERIFY_WITHIN_MS = 24 * HOUR_MS;
export const DONE_AFTER_VERIFY_MS = 48 * HOUR_MS;
export const MAX_FROM_RECEIPT_MS = 7 * 24 * HOUR_MS;
/** The toolbar badge counts a request from 12 h before its deadline (issue 13). */
export const DUE_SOON_MS = 12 * HOUR_MS;

export const REQUEST_KINDS = ['access', 'correct', 'delete'] as const;
export type RequestKind = (typeof REQUEST_KINDS)[number];

/** received → verified → completed; declined (identity not verified, or not our buyer) from either open state. */
export const REQUEST_STATES = ['received', 'verified', 'completed', 'declined'] as const;
export type RequestState = (typeof REQUEST_STATES)[number];

/** When a deadline cannot be met: the new time the seller expects (the reason is sealed with the contact). */
export interface RequestDelay {
  recordedAt: number;
  newExpectedAt: number;
}

export interface RequestTimeline {
  state: RequestState;
  receivedAt: number;
  verifiedAt: number | null;
  /** completedAt or declinedAt: when the request was closed. */
  closedAt: number | null;
  delay: RequestDelay | null;
}

export type RequestStep = 'verify' | 'complete';

export function verifyDueAt(t: Pick<RequestTimeline, 'receivedAt'>): number {
  return t.receivedAt + VERIFY_WITHIN_MS;
}

/** The later of the two rules never applies: done by 48 h after verification, and by 7 days after receipt. */
export function completeDueAt(t: Pick<RequestTimeline, 'receivedAt' | 'verifiedAt'>): number {
  const cap = t.receivedAt + MAX_FROM_RECEIPT_MS;
  return t.verifiedAt === null ? cap : Math.min(t.verifiedAt + DONE_AFTER_VERIFY_MS, cap);
}

export function isOpen(t: Pick<RequestTimeline, 'state'>): boolean {
  return t.state === 'received' || t.state === 'verified';
}

/** The policy deadline of the next step, or null once the request is closed. */
export function policyDeadline(t: RequestTimeline): { step: RequestStep; dueAt: number } | null {
  if (t.state === 'received') return { step: 'verify', dueAt: verifyDueAt(t) };
  if (t.state === 'verified') return { step: 'complete', dueAt: completeDueAt(t) };
  return null;
}

/**
 * The time the seller now works to: the policy deadline, or — once a delay was recorded and the
 * buyer told — the new expected time when it is later. The badge and notifications follow it;
 * whether the policy was met is judged on the policy deadline alone (`requestOutcome`).
 */
export function workingDeadline(t: RequestTimeline): { step: RequestStep; dueAt: number } | null {
  const policy = policyDeadline(t);
  if (!policy) return null;
  return t.delay && t.delay.newExpectedAt > policy.dueAt ? { step: policy.step, dueAt: t.delay.newExpectedAt } : policy;
}

export type Urgency = 'closed' | 'on-track' | 'due-soon' | 'overdue';

export function urgencyAt(dueAt: number | null, now: number): Urgency {
  if (dueAt === null) return 'closed';
  if (now > dueAt) return 'overdue';
  if (dueAt - now <= DUE_SOON_MS) return 'due-soon';
  return 'on-track';
}

export function requestUrgency(t: RequestTimeline, now: number): Urgency {
  return urgencyAt(workingDeadline(t)?.dueAt ?? null, now);
}

export type RequestEvent = { type: 'verify' } | { type: 'complete' } | { type: 'decline' } | { type: 'delay'; newExpectedAt: number };

export class RequestTransitionError extends Error {}

/**
 * The one state machine of a request. `now` is when the seller did it (the background's clock).
 * A delay may only be recorded while open and for a time still ahead.
 */
export function applyRequestEvent(t: RequestTimeline, event: RequestEvent, now: number): RequestTimeline {
  if (!isOpen(t)) throw new RequestTransitionError(`request is ${t.state}`);
  switch (event.type) {
    case 'verify':
      if (t.state !== 'received') throw new RequestTransitionError('identity already verified');
      return { ...t, state: 'verified', verifiedAt: now };
    case 'complete':
      if (t.state !== 'verified') throw new RequestTransitionError('verify the identity first');
      return { ...t, state: 'completed', closedAt: now };
    case 'decline':
      return { ...t, state: 'declined', closedAt: now };
    case 'delay':
      if (event.newExpectedAt <= now) throw new RequestTransitionError('the new expected time must be ahead');
      return { ...t, delay: { recordedAt: now, newExpectedAt: event.newExpectedAt } };
  }
}

export interface RequestOutcome {
  /** null while not verified and the deadline has not passed yet. */
  verifiedOnTime: boolean | null;
  completedOnTime: boolean | null;
  withinSevenDays: boolean | null;
}

/** Whether each policy rule was met (for the request list and the evidence pack); null while still open and not yet late. */
export function requestOutcome(t: RequestTimeline, now: number): RequestOutcome {
  const verifyDue = verifyDueAt(t);
  const doneDue = completeDueAt(t);
  const cap = t.receivedAt + MAX_FROM_RECEIPT_MS;
  const judge = (doneAt: number | null, dueAt: number): boolean | null => (doneAt !== null ? doneAt <= dueAt : now > dueAt ? false : null);
  const completedAt = t.state === 'completed' ? t.closedAt : null;
  // A declined request ends the clock: nothing more is owed after the decision.
  const endedAt = t.state === 'declined' ? t.closedAt : completedAt;
  return {
    verifiedOnTime: t.state === 'declined' && t.verifiedAt === null ? t.closedAt! <= verifyDue : judge(t.verifiedAt, verifyDue),
    completedOnTime: t.state === 'declined' ? null : judge(completedAt, doneDue),
    withinSevenDays: judge(endedAt, cap),
  };
}
