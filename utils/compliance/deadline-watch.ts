import { incidentDueAt, type IncidentTimeline, isUnreported } from '../incidents/incident-deadlines';
import { DUE_SOON_MS, type RequestTimeline, requestUrgency, workingDeadline } from '../requests/request-deadlines';

export interface DeadlineAnnouncement {
  /** Names the deadline: a request's new deadline (after verification, after a delay) is announced again. */
  key: string;
  kind: 'request' | 'incident';
  id: number;
  dueAt: number;
}

export interface DeadlineSignals {
  /** Toolbar badge: requests due within 12 h or overdue, plus unreported incidents (issue 13). */
  badgeCount: number;
  /** Deadlines now due soon or overdue (requests) or unreported within 12 h of 72 h (incidents). */
  dueSoon: DeadlineAnnouncement[];
  /** The next moment something becomes due soon (a one-shot check then), or null. */
  nextCheckAt: number | null;
}

/** Pure: what the badge shows, what to announce and when to look again, at `now`. */
export function deadlineSignals(requests: readonly (RequestTimeline & { id: number })[], incidents: readonly (IncidentTimeline & { id: number })[], now: number): DeadlineSignals {
  let badgeCount = 0;
  const dueSoon: DeadlineAnnouncement[] = [];
  const later: number[] = [];
  for (const r of requests) {
    const working = workingDeadline(r);
    if (!working) continue;
    const urgency = requestUrgency(r, now);
    if (urgency === 'due-soon' || urgency === 'overdue') {
      badgeCount++;
      dueSoon.push({ key: `request:${r.id}:${working.dueAt}`, kind: 'request', id: r.id, dueAt: working.dueAt });
    } else later.push(working.dueAt - DUE_SOON_MS);
  }
  for (const i of incidents) {
    if (!isUnreported(i)) continue;
    badgeCount++;
    const dueAt = incidentDueAt(i);
    if (dueAt - now <= DUE_SOON_MS) dueSoon.push({ key: `incident:${i.id}`, kind: 'incident', id: i.id, dueAt });
    else later.push(dueAt - DUE_SOON_MS);
  }
  return { badgeCount, dueSoon, nextCheckAt: later.length > 0 ? Math.min(...later) : null };
}

/** Which announcements are new (not yet in `notified`), and the notified list to keep (only live keys). */
export function newAnnouncements(signals: DeadlineSignals, notified: readonly string[]): { announce: DeadlineAnnouncement[]; keep: string[] } {
  const seen = new Set(notified);
  return { announce: signals.dueSoon.filter((d) => !seen.has(d.key)), keep: signals.dueSoon.map((d) => d.key) };
}
