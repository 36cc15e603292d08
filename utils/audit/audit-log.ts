import Dexie from 'dexie';
import type { AppDb } from '../db/app-db';
import type { AuditActor, AuditRecord } from '../db/records';
import type { AuditAction } from './audit-actions';
import { readMeta, writeMeta } from '../meta-store';
import { chainAuditEntry, GENESIS_HASH, verifyAuditChain, type AuditVerification } from './audit-chain';
import { type AuditCheckpoint, newSigningKey, signCheckpoint, verifyCheckpoint } from './audit-checkpoint';
import { type AuditHead, headMissing, nextHead } from './audit-head';

export interface AuditEvent {
  actor: AuditActor;
  /** Only the listed actions can be recorded (each has a label in both languages). */
  action: AuditAction;
  counts?: Record<string, number>;
  orderSns?: string[];
  detail?: string | null;
}

/**
 * Appends one entry. Call inside the caller's rw transaction that includes `db.audit`, so the
 * entry commits or rolls back with the change it describes. `after`: the newest entry, when the
 * caller already read it in this same transaction (saves a read on a critical path).
 */
export async function appendAudit(db: AppDb, now: number, event: AuditEvent, after?: { last: AuditRecord | undefined }): Promise<AuditRecord> {
  // A prune always keeps the newest entry, so the chain continues from a stored entry.
  const last = after ? after.last : await db.audit.orderBy('seq').last();
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

/** A verification with what the viewer shows: the first broken entry, the head and the checkpoint. */
export type AuditVerifyReply = AuditVerification & {
  head: AuditHead | null;
  checkpoint: AuditCheckpoint | null;
  /** The entry named by `brokenAtSeq`, when it is still stored. */
  brokenEntry: AuditRecord | null;
  lastSeq: number | null;
};

/**
 * Verifies the stored log: the checkpoint's signature (by the extension's key), the chain from the
 * checkpoint (or the genesis hash) through every entry, and — with the head kept outside the log —
 * that the newest entries are all still there.
 */
export async function verifyStoredAudit(db: AppDb, head: AuditHead | null = null): Promise<AuditVerifyReply> {
  const [entries, checkpoint, key] = await db.transaction('r', db.audit, db.meta, () =>
    Promise.all([db.audit.orderBy('seq').toArray(), readMeta(db, 'audit.checkpoint'), readMeta(db, 'audit.signingKey')]),
  );
  const context = { head, checkpoint: checkpoint ?? null, lastSeq: entries.at(-1)?.seq ?? null };
  const broken = (seq: number, reason: Extract<AuditVerification, { ok: false }>['reason'], checked: number): AuditVerifyReply => ({
    ok: false,
    checked,
    brokenAtSeq: seq,
    reason,
    brokenEntry: entries.find((e) => e.seq === seq) ?? null,
    ...context,
  });
  if (checkpoint && !verifyCheckpoint(checkpoint, key?.publicKey)) return broken(checkpoint.throughSeq, 'checkpoint-invalid', 0);
  const chain = verifyAuditChain(entries, checkpoint?.throughHash ?? GENESIS_HASH, (checkpoint?.throughSeq ?? 0) + 1);
  if (!chain.ok) return { ...chain, brokenEntry: entries.find((e) => e.seq === chain.brokenAtSeq) ?? null, ...context };
  const missing = headMissing(
    head,
    entries.find((e) => e.seq === head?.seq),
    checkpoint,
  );
  if (missing && head) return broken(missing === 'truncated' ? (context.lastSeq ?? 0) + 1 : head.seq, missing, entries.length);
  return { ...chain, brokenEntry: null, ...context };
}

export interface AuditFilter {
  action?: string;
  fromAt?: number;
  toAt?: number;
}

function matches(filter: AuditFilter): (e: AuditRecord) => boolean {
  return (e) =>
    (filter.action === undefined || e.action === filter.action) && (filter.fromAt === undefined || e.at >= filter.fromAt) && (filter.toAt === undefined || e.at <= filter.toAt);
}

const isFiltered = (f: AuditFilter) => f.action !== undefined || f.fromAt !== undefined || f.toAt !== undefined;

/** One page of the log, newest first: entries with seq < beforeSeq (or the newest when absent), filtered. */
export function listAuditPage(db: AppDb, limit: number, beforeSeq?: number, filter: AuditFilter = {}): Promise<AuditRecord[]> {
  let range = (beforeSeq === undefined ? db.audit.orderBy('seq') : db.audit.where('seq').below(beforeSeq)).reverse();
  if (isFiltered(filter)) range = range.filter(matches(filter));
  return range.limit(limit).toArray();
}

export function countAuditEntries(db: AppDb, filter: AuditFilter = {}): Promise<number> {
  return isFiltered(filter) ? db.audit.filter(matches(filter)).count() : db.audit.count();
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

const DAY_MS = 24 * 60 * 60 * 1000;
/** The security-log rule the policy follows: kept at least 90 days; 365 unless the seller chooses otherwise. */
export const AUDIT_MIN_RETENTION_DAYS = 90;
export const AUDIT_DEFAULT_RETENTION_DAYS = 365;
export const AUDIT_MAX_RETENTION_DAYS = 3650;

export async function auditRetentionDays(db: AppDb): Promise<number> {
  return (await readMeta(db, 'audit.retentionDays')) ?? AUDIT_DEFAULT_RETENTION_DAYS;
}

export interface AuditPruneResult {
  pruned: number;
  checkpoint: AuditCheckpoint | null;
}

/**
 * Prunes the oldest entries older than the retention period behind a new signed checkpoint, in one
 * transaction with an `audit.prune` entry. Only the leading run of old entries goes (stopping at
 * the first newer one, whatever later clocks said), and the newest entry always stays, so the
 * chain continues from something stored. The chain is verified first: a broken log is kept as it
 * is, as evidence, until the seller has seen it.
 */
export async function pruneAuditLog(db: AppDb, now: number, head: AuditHead | null): Promise<AuditPruneResult> {
  const days = Math.max(AUDIT_MIN_RETENTION_DAYS, await auditRetentionDays(db));
  const cutoff = now - days * DAY_MS;
  if (!(await verifyStoredAudit(db, head)).ok) return { pruned: 0, checkpoint: null };
  return db.transaction('rw', db.audit, db.meta, async () => {
    const entries = await db.audit.orderBy('seq').toArray();
    let through = -1;
    while (through + 1 < entries.length - 1 && entries[through + 1]!.at < cutoff) through++;
    if (through < 0) return { pruned: 0, checkpoint: null };
    const last = entries[through]!;
    const previous = await readMeta(db, 'audit.checkpoint');
    let key = await readMeta(db, 'audit.signingKey');
    if (!key) {
      key = newSigningKey();
      await writeMeta(db, 'audit.signingKey', key);
    }
    const checkpoint = signCheckpoint({ throughSeq: last.seq, throughHash: last.hash, prunedAt: now, cutoff, prunedTotal: (previous?.prunedTotal ?? 0) + through + 1 }, key);
    await db.audit.where('seq').belowOrEqual(last.seq).delete();
    await writeMeta(db, 'audit.checkpoint', checkpoint);
    await appendAudit(db, now, { actor: 'background', action: 'audit.prune', counts: { pruned: through + 1, throughSeq: last.seq, retentionDays: days } });
    return { pruned: through + 1, checkpoint };
  });
}

/**
 * Keeps the head outside the log in step with committed entries (AppDb reports each commit that
 * wrote to `audit`). One update at a time; never moves past a log that lost its head.
 */
export function createAuditHeadTracker(db: AppDb, store: { read(): Promise<AuditHead | null>; write(head: AuditHead): Promise<void> }) {
  let queue: Promise<void> = Promise.resolve();
  const advance = async () => {
    const stored = await store.read();
    const [last, atStored, checkpoint] = await Dexie.ignoreTransaction(() =>
      db.transaction('r', db.audit, db.meta, () => Promise.all([db.audit.orderBy('seq').last(), stored ? db.audit.get(stored.seq) : undefined, readMeta(db, 'audit.checkpoint')])),
    );
    const next = nextHead(stored, atStored, last, checkpoint);
    if (next) await store.write(next);
  };
  return {
    committed(): Promise<void> {
      queue = queue.then(advance).catch((err) => console.error('[seller-vault] audit head update failed', err));
      return queue;
    },
  };
}
