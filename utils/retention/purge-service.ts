import { appendAudit } from '../audit/audit-log';
import type { BackgroundDeps } from '../background-deps';
import type { AuditActor } from '../db/records';
import { writeMeta } from '../meta-store';
import { removeDueExportFiles } from './export-file-cleanup';
import { eraseDueInTransaction } from './pii-eraser';

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

/**
 * Deletes every buyers row whose purgeAt <= now (index range, cost follows the number due),
 * marks orders purged, removes tracked export files, one audit entry `retention.purge`.
 * The vault calls it before every read of buyer data, so reads never return due PII.
 */
export function purgeDueBuyers(deps: BackgroundDeps, options: PurgeOptions = {}): Promise<PurgeResult> {
  const previous = queues.get(deps.db) ?? Promise.resolve();
  const run = previous.catch(() => undefined).then(() => purgeOnce(deps, options));
  queues.set(deps.db, run);
  return run;
}

async function purgeOnce(deps: BackgroundDeps, options: PurgeOptions): Promise<PurgeResult> {
  const { db } = deps;
  const now = deps.now();
  const actor = options.actor ?? 'background';
  const trigger = options.trigger ?? 'read';

  const purgedOrders = await db.transaction('rw', [db.buyers, db.orders, db.exports, db.meta, db.audit], async () => {
    const erased = await eraseDueInTransaction(db, deps.shredKeys, now);
    if (erased.length === 0) return erased;
    const last: LastPurge = { at: now, orders: erased.length, trigger };
    await writeMeta(db, 'retention.lastPurge', last);
    await appendAudit(db, now, { actor, action: 'retention.purge', counts: { orders: erased.length }, orderSns: erased, detail: trigger });
    return erased;
  });

  const files = await removeDueExportFiles(deps, actor);
  if (purgedOrders.length > 0 || files.removed + files.missing > 0) await deps.notifyChanged();
  return { purgedOrders, removedFiles: files.removed };
}
