import type { AppDb } from '../db/app-db';
import type { AuditActor, AuditRecord } from '../db/records';
import { chainAuditEntry, GENESIS_HASH, verifyAuditChain, type AuditVerification } from './audit-chain';

export interface AuditEvent {
  actor: AuditActor;
  action: string;
  counts?: Record<string, number>;
  orderSns?: string[];
  detail?: string | null;
}

/**
 * Appends one entry. Call inside the caller's rw transaction that includes `db.audit`, so the
 * entry commits or rolls back with the change it describes.
 */
export async function appendAudit(db: AppDb, now: number, event: AuditEvent): Promise<AuditRecord> {
  const last = await db.audit.orderBy('seq').last();
  const entry = chainAuditEntry(last, {
    at: now,
    actor: event.actor,
    action: event.action,
    counts: event.counts ?? {},
    orderSns: event.orderSns ?? [],
    detail: event.detail ?? null,
  });
  await db.audit.add(entry);
  return entry;
}

/** Appends in its own transaction (for events with no other write, e.g. failed unlock). */
export function recordAudit(db: AppDb, now: number, event: AuditEvent): Promise<AuditRecord> {
  return db.transaction('rw', db.audit, () => appendAudit(db, now, event));
}

/**
 * Verifies the whole stored chain from the genesis hash: entries are never pruned
 * (docs/decisions.md), so a deleted first entry is detected too.
 */
export async function verifyStoredAudit(db: AppDb): Promise<AuditVerification> {
  const entries = await db.audit.orderBy('seq').toArray();
  return verifyAuditChain(entries, GENESIS_HASH);
}

/** One page of the log, newest first: entries with seq < beforeSeq (or the newest when absent). */
export function listAuditPage(db: AppDb, limit: number, beforeSeq?: number): Promise<AuditRecord[]> {
  const range = beforeSeq === undefined ? db.audit.orderBy('seq') : db.audit.where('seq').below(beforeSeq);
  return range.reverse().limit(limit).toArray();
}

/** Entries per action over the whole log (index keys only, no entry bodies are read). */
export async function countAuditByAction(db: AppDb): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  await db.audit.orderBy('action').eachKey((action) => {
    const key = String(action);
    counts[key] = (counts[key] ?? 0) + 1;
  });
  return counts;
}
