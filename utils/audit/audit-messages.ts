import { z } from 'zod';
import type { AuditRecord } from '../db/records';
import { defineMessage } from '../messaging/define-message';
import type { AuditVerification } from './audit-chain';

export interface AuditListReply {
  entries: AuditRecord[];
  total: number;
  /** Number of entries per action over the whole log. */
  countsByAction: Record<string, number>;
}

/** Messages of the audit concern: read and verify the hash-chained log. */
export const auditMessages = {
  'audit/list': defineMessage(
    'page',
    z.object({ beforeSeq: z.number().int().positive().optional(), limit: z.number().int().min(1).max(200).default(50) }),
  ).returns<AuditListReply>(),
  'audit/verify': defineMessage('page', z.object({})).returns<AuditVerification>(),
};
