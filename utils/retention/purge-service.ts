import { appendAudit } from '../audit/audit-log';
import type { BackgroundDeps } from '../background-deps';
import type { AuditActor } from '../db/records';
import { writeMeta } from '../meta-store';
import { removeDueExportFiles } from './export-file-cleanup';
import { deleteDueBuyerRowsInTransaction, forgetDueBuyersInTransaction, markDueOrdersPurgedInTransaction } from './pii-eraser';

export interface PurgeResult {
  purgedOrders: string[];
  removedFiles: number;
}

export interface PurgeOptions {
  actor?: AuditActor;
  /** What woke the purge (alarm, startup, read …); audited as detail. */
  trigger?: string;
}

/** meta `retention.lastPurge`: the last purge that deleted something (shown on the retention page). */
export interface LastPurge {
  at: number;
  orders: number;
  trigger: string;
}

// Purges run one after another: a read that waits for a purge must see its own `now` applied,
// not join a run that started with an earlier clock.
const queues = new WeakMap<object, Promise<unknown>>();

export interface PurgeRunOptions extends PurgeOptions {
  /**
   * Answer once the due PII is unrecoverable (its shred keys gone, audited) instead of also
   * waiting for the buyers rows to be deleted and the order facts marked purged: the next purge
   * waits for those parts; reads treat a due row as gone meanwhile.
   */
  answerWhenErased?: boolean;
}

/**
 * Erases every buyers row whose purgeAt <= now — first its shred keys, which makes the PII
 * unrecoverable at once whatever the number of rows (whole files for past days), with one audit
 * entry `retention.purge`; then deletes the rows, marks the orders purged and removes tracked
 * export files. The vault calls it before every read of buyer data, so reads never return due PII.
 * Measured (issue 11, real Chromium, 10,000 due, 2 cores): deleting the rows is most of the work
 * (1.2–2.3 s, as long as a plain IndexedDB delete of them), the keys ~0.1 s.
 */
export function purgeDueBuyers(deps: BackgroundDeps, options: PurgeRunOptions = {}): Promise<PurgeResult> {
  const previous = queues.get(deps.db) ?? Promise.resolve();
  const erasing = previous.catch(() => undefined).then(() => eraseDue(deps, options));
  const done = erasing
    .then(async (run) => {
      // Keys gone: the rows are ciphertext nobody can open. A worker stopped here leaves them due;
      // the next purge finds them again (and audits them again).
      if (run.erased.length > 0) await deps.db.transaction('rw', deps.db.buyers, () => deleteDueBuyerRowsInTransaction(run.now));
      return run;
    })
    .then(({ erased, trigger, actor, now }) => settleOrders(deps, erased, { trigger, actor, now }));
  queues.set(deps.db, done);
  if (!options.answerWhenErased) return done;
  done.catch((err) => console.error('[seller-vault] retention: deleting purged rows or marking purged orders failed (the next purge retries)', err));
  return erasing.then(({ erased }) => ({ purgedOrders: erased, removedFiles: 0 }));
}

/**
 * The earliest buyers purgeAt per database, read from its index and kept while no write to
 * `buyers` has been counted since (AppDb.writeCount; a delete only makes it later, so keeping it
 * errs towards purging). `null`: no buyers row.
 */
const earliestBuyerPurge = new WeakMap<object, { purgeAt: number | null; buyersWrites: number }>();

/** Whether some buyers row may be due at `now`: one index key read at most, none while nothing was written. */
async function buyerMayBeDue(db: BackgroundDeps['db'], now: number): Promise<boolean> {
  const buyersWrites = db.writeCount('buyers');
  let known = earliestBuyerPurge.get(db);
  if (known?.buyersWrites !== buyersWrites) {
    // Counted before the read: a write counted after it makes this value stale at the next call.
    const [first] = (await db.buyers.orderBy('purgeAt').limit(1).keys()) as number[];
    known = { purgeAt: first ?? null, buyersWrites };
    earliestBuyerPurge.set(db, known);
  }
  return known.purgeAt !== null && known.purgeAt <= now;
}

/**
 * The purge every read of buyer data runs first (reads never return due PII), answered once the
 * due PII is erased. Skipped when no buyers row can be due: then neither the write transaction
 * over buyers, meta and audit nor the wait for an earlier purge's order facts is needed.
 * Measured (issue 11, real Chromium, 500-order CSV export with nothing due): that purge was
 * 0.15–0.2 s of export/prepare's 0.5 s. Order facts and export files due without a buyers row
 * are not the read's concern: the alarm armed at their deadline purges them.
 */
export async function purgeDueBeforeRead(deps: BackgroundDeps): Promise<void> {
  if (await buyerMayBeDue(deps.db, deps.now())) await purgeDueBuyers(deps, { answerWhenErased: true });
}

interface Erased {
  erased: string[];
  trigger: string;
  actor: AuditActor;
  now: number;
}

async function eraseDue(deps: BackgroundDeps, options: PurgeOptions): Promise<Erased> {
  const { db } = deps;
  const now = deps.now();
  const actor = options.actor ?? 'background';
  const trigger = options.trigger ?? 'read';
  const erased = await db.transaction('rw', [db.buyers, db.meta, db.audit], async () => {
    const erased = await forgetDueBuyersInTransaction(deps.shredKeys, now);
    if (erased.length > 0) await recordPurge(deps, now, erased, actor, trigger);
    return erased;
  });
  return { erased, trigger, actor, now };
}

async function recordPurge(deps: BackgroundDeps, now: number, orderSns: string[], actor: AuditActor, trigger: string, ordersInRun = orderSns.length): Promise<void> {
  const last: LastPurge = { at: now, orders: ordersInRun, trigger };
  await writeMeta(deps.db, 'retention.lastPurge', last);
  await appendAudit(deps.db, now, { actor, action: 'retention.purge', counts: { orders: orderSns.length }, orderSns, detail: trigger });
}

async function settleOrders(deps: BackgroundDeps, erased: string[], run: Omit<Erased, 'erased'>): Promise<PurgeResult> {
  const { db } = deps;
  // Orders still marked holding PII without a buyers row erased now are purged (and audited) here.
  // Nothing erased and no order due (nearly every read): a read-only look, no write transaction. A
  // write transaction over orders, meta and audit queued behind another orders write (an export's
  // exportedAt marks) held every later vault read's meta and audit access behind it, in
  // IndexedDB's creation order: 0.25–0.5 s of export/prepare right after an export (issue 11).
  const nothingDue = erased.length === 0 && (await db.transaction('r', db.orders, () => db.orders.where('purgeAt').belowOrEqual(run.now).count())) === 0;
  const others = nothingDue
    ? []
    : await db.transaction('rw', [db.orders, db.exports, db.meta, db.audit], async () => {
        const others = await markDueOrdersPurgedInTransaction(db, erased, run.now);
        if (others.length > 0) await recordPurge(deps, run.now, others, run.actor, run.trigger, erased.length + others.length);
        return others;
      });
  const purgedOrders = [...erased, ...others];
  const files = await removeDueExportFiles(deps, run.actor);
  if (purgedOrders.length > 0 || files.removed + files.missing > 0) await deps.notifyChanged();
  return { purgedOrders, removedFiles: files.removed };
}
