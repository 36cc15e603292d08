import { pruneAuditLog } from '../audit/audit-log';
import type { BackgroundDeps } from '../background-deps';
import { readMeta, writeMeta } from '../meta-store';
import { deadlineSignals, newAnnouncements, type DeadlineSignals } from './deadline-watch';

/** Reads requests and incidents, shows the badge, announces new due-soon deadlines once, and arms the next check. */
export async function refreshDeadlineSignals(deps: BackgroundDeps): Promise<DeadlineSignals> {
  const { db } = deps;
  const now = deps.now();
  const [requests, incidents, notified] = await Promise.all([
    db.requests.where('state').anyOf('received', 'verified').toArray(),
    db.incidents.where('state').equals('open').toArray(),
    readMeta(db, 'compliance.notified'),
  ]);
  const signals = deadlineSignals(
    requests.map((r) => ({ id: r.id!, state: r.state, receivedAt: r.receivedAt, verifiedAt: r.verifiedAt, closedAt: r.closedAt, delay: r.delay })),
    incidents.map((i) => ({ id: i.id!, state: i.state, detectedAt: i.openedAt, reportedAt: i.reportedAt, resolvedAt: i.resolvedAt })),
    now,
  );
  await deps.deadlineSignals.showBadge(signals.badgeCount);
  const { announce, keep } = newAnnouncements(signals, notified ?? []);
  for (const a of announce) await deps.deadlineSignals.notify(a.key, a);
  if (announce.length > 0 || (notified ?? []).length !== keep.length) await writeMeta(db, 'compliance.notified', keep);
  await deps.deadlineSignals.armCheck(signals.nextCheckAt);
  return signals;
}

/** The periodic check: deadlines, then the audit log pruned behind a signed checkpoint when entries passed the retention period. */
export async function runComplianceSweep(deps: BackgroundDeps): Promise<void> {
  await refreshDeadlineSignals(deps);
  const { pruned } = await pruneAuditLog(deps.db, deps.now(), await deps.auditHead.read());
  if (pruned > 0) await deps.notifyChanged();
}
