import type { AppDb } from '../db/app-db';
import type { OrderRecord } from '../db/records';

/**
 * Inside the caller's rw transaction (buyers, orders, exports): deletes the buyers rows (removed,
 * not blanked — ARCHITECTURE: Stored data), marks the orders `purged` with no purgeAt, and brings
 * every live export file holding one of these orders due now, so the file cleanup that follows
 * (and every later sweep, if a removal fails) deletes it. Returns the order numbers whose PII
 * was erased: those with a buyers row or an order still marked `present`.
 * `allHeld`: the caller already knows every number holds PII (the purge's index ranges), which
 * saves reading the buyers rows back.
 */
export async function erasePiiInTransaction(db: AppDb, orderSns: readonly string[], now: number, opts: { allHeld?: boolean } = {}): Promise<string[]> {
  if (orderSns.length === 0) return [];
  const sns = [...new Set(orderSns)];
  const [orders, buyers] = await Promise.all([db.orders.bulkGet(sns), opts.allHeld ? null : db.buyers.bulkGet(sns)]);
  const erased: string[] = [];
  const purgedOrders: OrderRecord[] = [];
  sns.forEach((sn, i) => {
    const order = orders[i];
    if (buyers && buyers[i] === undefined && order?.piiState !== 'present') return;
    erased.push(sn);
    if (order) purgedOrders.push({ ...order, piiState: 'purged', purgeAt: null });
  });
  if (erased.length === 0) return [];
  await db.buyers.bulkDelete(erased);
  await db.orders.bulkPut(purgedOrders);
  await db.exports
    .where('orderSns')
    .anyOf(erased)
    .distinct()
    .modify((file) => {
      if (file.state === 'live' && file.purgeAt > now) file.purgeAt = now;
    });
  return erased;
}
