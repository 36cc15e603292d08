import { z } from 'zod';
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
  action: z.string().max(100).optional(),
  fromAt: z.number().int().optional(),
  toAt: z.number().int().optional(),
};

/** Messages of the audit concern: read, filter, verify, export and keep the hash-chained log. */
export const auditMessages = {
  'audit/list': defineMessage(
    'page',
    z.object({ beforeSeq: z.number().int().positive().optional(), limit: z.number().int().min(1).max(200).default(50), ...filter }),
  ).returns<AuditListReply>(),
  'audit/verify': defineMessage('page', z.object({})).returns<AuditVerifyReply>(),
  'audit/export': defineMessage('page', z.object({})).returns<AuditExport>(),
  'audit/set-retention': defineMessage('page', z.object({ days: z.number().int().min(AUDIT_MIN_RETENTION_DAYS).max(AUDIT_MAX_RETENTION_DAYS) })).returns<{
    days: number;
    pruned: number;
  }>(),
};
