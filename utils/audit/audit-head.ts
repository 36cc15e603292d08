import type { AuditRecord } from '../db/records';
import type { AuditCheckpoint } from './audit-checkpoint';

/**
 * The chain head (issue 13): the newest entry's seq and hash, kept outside the log (extension
 * storage, and in every export). Deleting entries at the end of the log leaves a valid chain; only
 * a head kept elsewhere shows that entries are missing.
 */
export interface AuditHead {
  seq: number;
  hash: string;
  at: number;
}

/**
 * Whether the stored log still holds the head: the entry at the head's seq is there with the same
 * hash (or the head was pruned behind the signed checkpoint). Null when fine, else the reason.
 */
export function headMissing(head: AuditHead | null, atHeadSeq: AuditRecord | undefined, checkpoint: AuditCheckpoint | undefined): 'truncated' | 'head-changed' | null {
  if (!head) return null;
  if (checkpoint && head.seq <= checkpoint.throughSeq) return head.seq < checkpoint.throughSeq || head.hash === checkpoint.throughHash ? null : 'head-changed';
  if (!atHeadSeq) return 'truncated';
  return atHeadSeq.hash === head.hash ? null : 'head-changed';
}

/**
 * The head to store after entries were committed, or null to keep the stored one: it only moves
 * forward, and never past a log that lost its head (the mismatch stays for verify to report).
 */
export function nextHead(stored: AuditHead | null, atStoredSeq: AuditRecord | undefined, last: AuditRecord | undefined, checkpoint: AuditCheckpoint | undefined): AuditHead | null {
  if (!last) return null;
  if (stored) {
    if (stored.seq >= last.seq) return null;
    if (headMissing(stored, atStoredSeq, checkpoint)) return null;
  }
  return { seq: last.seq, hash: last.hash, at: last.at };
}
