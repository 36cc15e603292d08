/**
 * Security incidents (privacy policy, "Security incidents"): reported to the marketplace at once
 * by email and resolved within 72 hours. The extension shows the 72-hour deadline from detection
 * and keeps the states open → reported → resolved with their times. Pure functions of stored
 * instants and `now`; "within" is inclusive.
 */
export const INCIDENT_DEADLINE_MS = 72 * 60 * 60 * 1000;

export const INCIDENT_STATES = ['open', 'reported', 'resolved'] as const;
export type IncidentState = (typeof INCIDENT_STATES)[number];

/** Kinds of data an incident may touch: categories, never the data itself (no free text in the evidence pack). */
export const INCIDENT_DATA_CATEGORIES = ['buyer-name', 'buyer-phone', 'buyer-email', 'buyer-address', 'order-facts', 'export-files', 'vault-keys'] as const;
export type IncidentDataCategory = (typeof INCIDENT_DATA_CATEGORIES)[number];

export interface IncidentTimeline {
  state: IncidentState;
  detectedAt: number;
  reportedAt: number | null;
  resolvedAt: number | null;
}

export function incidentDueAt(t: Pick<IncidentTimeline, 'detectedAt'>): number {
  return t.detectedAt + INCIDENT_DEADLINE_MS;
}

export class IncidentTransitionError extends Error {}

export type IncidentEvent = { type: 'report' } | { type: 'resolve' };

/** open → reported → resolved; a step is never skipped or undone (the report to the marketplace comes first). */
export function applyIncidentEvent(t: IncidentTimeline, event: IncidentEvent, now: number): IncidentTimeline {
  if (event.type === 'report') {
    if (t.state !== 'open') throw new IncidentTransitionError(`incident is ${t.state}`);
    return { ...t, state: 'reported', reportedAt: now };
  }
  if (t.state !== 'reported') throw new IncidentTransitionError(t.state === 'open' ? 'report the incident first' : 'incident is resolved');
  return { ...t, state: 'resolved', resolvedAt: now };
}

/** Unreported incidents keep the toolbar badge lit (issue 13), whatever their deadline. */
export function isUnreported(t: Pick<IncidentTimeline, 'state'>): boolean {
  return t.state === 'open';
}

export interface IncidentOutcome {
  reportedOnTime: boolean | null;
  resolvedOnTime: boolean | null;
}

export function incidentOutcome(t: IncidentTimeline, now: number): IncidentOutcome {
  const due = incidentDueAt(t);
  const judge = (at: number | null): boolean | null => (at !== null ? at <= due : now > due ? false : null);
  return { reportedOnTime: judge(t.reportedAt), resolvedOnTime: judge(t.resolvedAt) };
}
