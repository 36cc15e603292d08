import type { AppDb } from '../db/app-db';
import type { AuditActor, AuditRecord } from '../db/records';
import { chainAuditEntry, verifyAuditChain, type AuditVerification } from './audit-chain';

export interface AuditEvent {
  actor: AuditActor;
  action: string;
  counts?: Record<string, number>;
  orderSns?: string[];
  detail?: string | null;
}

/** Audit entries hold no PII and are kept at least this long (DPP: security logs >= 90 days). */
export const AUDIT_KEEP_MS = 90 * 24 * 60 * 60 * 1000;

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

export async function verifyStoredAudit(db: AppDb): Promise<AuditVerification> {
  const entries = await db.audit.orderBy('seq').toArray();
  return verifyAuditChain(entries);
}

export function listAudit(db: AppDb, limit: number): Promise<AuditRecord[]> {
  return db.audit.orderBy('seq').reverse().limit(limit).toArray();
}
