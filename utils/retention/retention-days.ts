import { appendAudit } from '../audit/audit-log';
import type { BackgroundDeps } from '../background-deps';
import type { AuditActor } from '../db/records';
import { computePurgeAt, retentionFactsOf } from './retention-rule';

/**
 * After the seller changes retentionDays: recomputes every held order's purgeAt from its facts
 * with the new number, never later than what is stored (issue 5: lowering brings purges forward;
 * raising changes nothing already stored). Updates orders, buyers and the live export files
 * holding them in one transaction; one audit entry. The caller runs the purge afterwards.
 */
export async function applyRetentionDays(deps: BackgroundDeps, retentionDays: number, actor: AuditActor = 'background'): Promise<number> {
  const { db } = deps;
  const now = deps.now();
  return db.transaction('rw', [db.orders, db.buyers, db.exports, db.audit], async () => {
    const held = await db.orders.where('purgeAt').aboveOrEqual(-Infinity).toArray();
    const moved = new Map<string, number>();
    for (const order of held) {
      const next = computePurgeAt(retentionFactsOf(order), retentionDays, now, order.purgeAt);
      if (next < order.purgeAt!) moved.set(order.orderSn, next);
    }
    if (moved.size === 0) return 0;
    const changes = [...moved].map(([key, purgeAt]) => ({ key, changes: { purgeAt } }));
    await db.orders.bulkUpdate(changes);
    await db.buyers.bulkUpdate(changes);
    await db.exports
      .where('orderSns')
      .anyOf([...moved.keys()])
      .distinct()
      .modify((file) => {
        const earliest = Math.min(...file.orderSns.map((sn) => moved.get(sn) ?? Infinity));
        if (file.state === 'live' && earliest < file.purgeAt) file.purgeAt = earliest;
      });
    await appendAudit(db, now, { actor, action: 'retention.days-changed', counts: { retentionDays, broughtForward: moved.size }, detail: 'retentionDays' });
    return moved.size;
  });
}
