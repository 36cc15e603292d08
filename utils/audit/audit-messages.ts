import { z } from '../validation/zod';
import type { AuditRecord } from '../db/records';
import { defineMessage } from '../messaging/define-message';
import type { AuditCheckpoint } from './audit-checkpoint';
import type { AuditHead } from './audit-head';
import { AUDIT_MAX_RETENTION_DAYS, AUDIT_MIN_RETENTION_DAYS, type AuditVerifyReply } from './audit-log';

export interface AuditListReply {
  entries: AuditRecord[];
  /** Entries matching the filter. */
  total: number;
  /** Number of entries per action over the whole log. */
  countsByAction: Record<string, number>;
  retentionDays: number;
  checkpoint: AuditCheckpoint | null;
}

/** The whole log with what proves it complete: the head kept outside it and the signed checkpoint. */
export interface AuditExport {
  exportedAt: number;
  head: AuditHead | null;
  checkpoint: AuditCheckpoint | null;
  verification: AuditVerifyReply;
  entries: AuditRecord[];
}

const filter = {
  action: z.optional(z.string().check(z.maxLength(100))),
  fromAt: z.optional(z.number().check(z.int())),
  toAt: z.optional(z.number().check(z.int())),
};

/** Messages of the audit concern: read, filter, verify, export and keep the hash-chained log. */
export const auditMessages = {
  'audit/list': defineMessage(
    'page',
    z.object({ beforeSeq: z.optional(z.number().check(z.int(), z.positive())), limit: z._default(z.number().check(z.int(), z.gte(1), z.lte(200)), 50), ...filter }),
  ).returns<AuditListReply>(),
  'audit/verify': defineMessage('page', z.object({})).returns<AuditVerifyReply>(),
  'audit/export': defineMessage('page', z.object({})).returns<AuditExport>(),
  'audit/set-retention': defineMessage('page', z.object({ days: z.number().check(z.int(), z.gte(AUDIT_MIN_RETENTION_DAYS), z.lte(AUDIT_MAX_RETENTION_DAYS)) })).returns<{
    days: number;
    pruned: number;
  }>(),
};
