import { recordAudit, auditRetentionDays, verifyStoredAudit } from '../audit/audit-log';
import type { BackgroundDeps } from '../background-deps';
import { listIncidents } from '../incidents/incident-service';
import type { HandlerTable } from '../messaging/router';
import { MAX_RETENTION_DAYS, POLICY_VERSION } from '../policy/policy-document';
import { listRequests } from '../requests/request-service';
import { listDeletionNotices } from '../retention/deletion-notices';
import { purgeDueBuyers } from '../retention/purge-service';
import { readRetentionStatus } from '../retention/retention-status';
import type { complianceMessages } from './compliance-messages';
import { refreshDeadlineSignals } from './compliance-service';
import { buildEvidenceReport } from './evidence-pack';

export function createComplianceHandlers(deps: BackgroundDeps): HandlerTable<typeof complianceMessages> {
  return {
    'evidence/collect': async ({ utcOffsetMinutes }, ctx) => {
      // Status never counts PII that is already due.
      await purgeDueBuyers(deps, { trigger: 'read' });
      const head = await deps.auditHead.read();
      const [settings, status, notices, requests, incidents, audit, auditDays] = await Promise.all([
        deps.settings.read(),
        readRetentionStatus(deps, utcOffsetMinutes, 7),
        listDeletionNotices(deps),
        listRequests(deps),
        listIncidents(deps),
        verifyStoredAudit(deps.db, head),
        auditRetentionDays(deps.db),
      ]);
      const report = buildEvidenceReport({
        now: deps.now(),
        policyVersion: POLICY_VERSION,
        retentionDaysMax: MAX_RETENTION_DAYS,
        retentionDays: settings.retentionDays,
        status,
        notices,
        requests,
        incidents,
        audit,
        auditRetentionDays: auditDays,
      });
      await recordAudit(deps.db, deps.now(), {
        actor: ctx.actor,
        action: 'evidence.export',
        counts: { requests: requests.length, incidents: incidents.length, notices: notices.length },
      });
      return report;
    },
    'compliance/signals': async () => ({ badgeCount: (await refreshDeadlineSignals(deps)).badgeCount }),
  };
}
