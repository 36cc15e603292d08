import { appendAudit } from '../audit/audit-log';
import type { BackgroundDeps } from '../background-deps';
import type { AuditActor, IncidentRecord } from '../db/records';
import { MessageError } from '../messaging/envelope';
import { readMeta, writeMeta } from '../meta-store';
import {
  applyIncidentEvent,
  type IncidentDataCategory,
  type IncidentEvent,
  incidentDueAt,
  IncidentTransitionError,
  incidentOutcome,
  type IncidentTimeline,
} from './incident-deadlines';
import { incidentEmail, mailtoUrl } from './incident-email';
import type { IncidentView } from './incident-messages';

/**
 * The privacy policy says incidents are reported "to the marketplace by email" and names no
 * address; the seller sets the marketplace security contact once (docs/decisions.md). Until then
 * the email opens without a recipient.
 */
export const DEFAULT_SECURITY_CONTACT = '';
const FUTURE_TOLERANCE_MS = 5 * 60 * 1000;

function timelineOf(r: IncidentRecord): IncidentTimeline {
  return { state: r.state, detectedAt: r.openedAt, reportedAt: r.reportedAt, resolvedAt: r.resolvedAt };
}

export function viewIncident(r: IncidentRecord, contact: string, now: number): IncidentView {
  const { id, openedAt, reportDueAt, ...rest } = r;
  const mail = incidentEmail({
    id: id!,
    detectedAt: openedAt,
    summary: r.summary,
    dataCategories: r.dataCategories as IncidentDataCategory[],
    affectedOrderSns: r.affectedOrderSns,
    actionsTaken: r.actionsTaken,
    shopIds: r.shopIds,
  });
  return {
    ...rest,
    id: id!,
    detectedAt: openedAt,
    dueAt: reportDueAt,
    outcome: incidentOutcome(timelineOf(r), now),
    email: { to: contact, ...mail, mailto: mailtoUrl(contact, mail.subject, mail.body) },
  };
}

export async function securityContact(deps: BackgroundDeps): Promise<string> {
  return (await readMeta(deps.db, 'compliance.securityContact')) ?? DEFAULT_SECURITY_CONTACT;
}

export async function setSecurityContact(deps: BackgroundDeps, email: string, actor: AuditActor): Promise<string> {
  await deps.db.transaction('rw', deps.db.meta, deps.db.audit, async () => {
    await writeMeta(deps.db, 'compliance.securityContact', email);
    await appendAudit(deps.db, deps.now(), { actor, action: 'settings.change', detail: 'securityContact' });
  });
  await deps.notifyChanged();
  return email;
}

export async function listIncidents(deps: BackgroundDeps): Promise<IncidentView[]> {
  const [rows, contact] = await Promise.all([deps.db.incidents.orderBy('openedAt').reverse().toArray(), securityContact(deps)]);
  const now = deps.now();
  return rows.map((r) => viewIncident(r, contact, now));
}

export async function recordIncident(
  deps: BackgroundDeps,
  input: { detectedAt: number; summary: string; dataCategories: IncidentDataCategory[]; affectedOrderSns: string[]; actionsTaken: string; shopIds: string[] },
  actor: AuditActor,
): Promise<IncidentView> {
  const now = deps.now();
  if (input.detectedAt > now + FUTURE_TOLERANCE_MS) throw new MessageError('invalid-request', 'An incident cannot be detected in the future.');
  const row: IncidentRecord = {
    openedAt: input.detectedAt,
    reportDueAt: incidentDueAt({ detectedAt: input.detectedAt }),
    state: 'open',
    reportedAt: null,
    resolvedAt: null,
    summary: input.summary,
    dataCategories: [...new Set(input.dataCategories)],
    affectedOrderSns: [...new Set(input.affectedOrderSns)],
    actionsTaken: input.actionsTaken,
    shopIds: input.shopIds,
  };
  const id = await deps.db.transaction('rw', deps.db.incidents, deps.db.audit, async () => {
    const id = (await deps.db.incidents.add(row)) as number;
    await appendAudit(deps.db, now, {
      actor,
      action: 'incident.record',
      counts: { incident: id, orders: row.affectedOrderSns.length },
      detail: row.dataCategories.join(',') || null,
    });
    return id;
  });
  await deps.notifyChanged();
  return viewIncident({ ...row, id }, await securityContact(deps), now);
}

export async function advanceIncident(deps: BackgroundDeps, id: number, event: IncidentEvent, actor: AuditActor): Promise<IncidentView> {
  const now = deps.now();
  const next = await deps.db.transaction('rw', deps.db.incidents, deps.db.audit, async () => {
    const row = await deps.db.incidents.get(id);
    if (!row) throw new MessageError('not-found', 'No such incident');
    let t: IncidentTimeline;
    try {
      t = applyIncidentEvent(timelineOf(row), event, now);
    } catch (err) {
      if (err instanceof IncidentTransitionError) throw new MessageError('conflict', err.message);
      throw err;
    }
    const next: IncidentRecord = { ...row, state: t.state, reportedAt: t.reportedAt, resolvedAt: t.resolvedAt };
    await deps.db.incidents.put(next);
    await appendAudit(deps.db, now, { actor, action: `incident.${event.type}`, counts: { incident: id } });
    return next;
  });
  await deps.notifyChanged();
  return viewIncident(next, await securityContact(deps), now);
}
