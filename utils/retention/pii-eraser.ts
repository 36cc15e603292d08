import type { AppDb } from '../db/app-db';

/** Tables a PII erase writes; callers open their rw transaction over these (plus audit/meta as needed). */
export function piiTables(db: AppDb) {
  return [db.buyers, db.orders, db.exports] as const;
}

/**
 * Inside the caller's rw transaction: deletes the buyers rows (removed, not blanked —
 * ARCHITECTURE: Stored data), marks the orders `purged` with no purgeAt, and brings every live
 * export file holding one of these orders due now, so the file cleanup that follows (and every
 * later sweep, if a removal fails) deletes it. Returns the order numbers whose PII was erased.
 */
export async function erasePiiInTransaction(db: AppDb, orderSns: readonly string[], now: number): Promise<string[]> {
  if (orderSns.length === 0) return [];
  const sns = [...new Set(orderSns)];
  const [buyers, orders] = await Promise.all([db.buyers.bulkGet(sns), db.orders.bulkGet(sns)]);
  const erased: string[] = [];
  const orderKeys: string[] = [];
  sns.forEach((sn, i) => {
    const order = orders[i];
    if (buyers[i] === undefined && order?.piiState !== 'present') return;
    erased.push(sn);
    if (order) orderKeys.push(sn);
  });
  if (erased.length === 0) return [];
  await db.buyers.bulkDelete(erased);
  await db.orders.bulkUpdate(orderKeys.map((key) => ({ key, changes: { piiState: 'purged' as const, purgeAt: null } })));
  await db.exports
    .where('orderSns')
    .anyOf(erased)
    .distinct()
    .modify((file) => {
      if (file.state === 'live' && file.purgeAt > now) file.purgeAt = now;
    });
  return erased;
}
