import type { BackgroundDeps } from '../background-deps';
import type { HandlerTable } from '../messaging/router';
import { countAuditByAction, listAuditPage, verifyStoredAudit } from './audit-log';
import type { auditMessages } from './audit-messages';

export function createAuditHandlers(deps: BackgroundDeps): HandlerTable<typeof auditMessages> {
  return {
    'audit/list': async ({ beforeSeq, limit }) => {
      const [entries, total, countsByAction] = await Promise.all([listAuditPage(deps.db, limit, beforeSeq), deps.db.audit.count(), countAuditByAction(deps.db)]);
      return { entries, total, countsByAction };
    },
    'audit/verify': () => verifyStoredAudit(deps.db),
  };
}
