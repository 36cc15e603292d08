import type { BackgroundDeps } from '../background-deps';
import { writeMeta, readMeta } from '../meta-store';
import type { HandlerTable } from '../messaging/router';
import { appendAudit, auditRetentionDays, countAuditByAction, countAuditEntries, listAuditPage, pruneAuditLog, verifyStoredAudit } from './audit-log';
import type { auditMessages } from './audit-messages';

export function createAuditHandlers(deps: BackgroundDeps): HandlerTable<typeof auditMessages> {
  const { db } = deps;
  return {
    'audit/list': async ({ beforeSeq, limit, action, fromAt, toAt }) => {
      const filter = { action, fromAt, toAt };
      const [entries, total, countsByAction, retentionDays, checkpoint] = await Promise.all([
        listAuditPage(db, limit, beforeSeq, filter),
        countAuditEntries(db, filter),
        countAuditByAction(db),
        auditRetentionDays(db),
        readMeta(db, 'audit.checkpoint'),
      ]);
      return { entries, total, countsByAction, retentionDays, checkpoint: checkpoint ?? null };
    },
    'audit/verify': async () => verifyStoredAudit(db, await deps.auditHead.read()),
    'audit/export': async () => {
      const head = await deps.auditHead.read();
      const verification = await verifyStoredAudit(db, head);
      const entries = await db.audit.orderBy('seq').toArray();
      return { exportedAt: deps.now(), head, checkpoint: verification.checkpoint, verification, entries };
    },
    'audit/set-retention': async ({ days }, ctx) => {
      await db.transaction('rw', db.meta, db.audit, async () => {
        await writeMeta(db, 'audit.retentionDays', days);
        await appendAudit(db, deps.now(), { actor: ctx.actor, action: 'settings.change', counts: { auditRetentionDays: days }, detail: 'auditRetentionDays' });
      });
      const { pruned } = await pruneAuditLog(db, deps.now(), await deps.auditHead.read());
      await deps.notifyChanged();
      return { days, pruned };
    },
  };
}
