import Dexie from 'dexie';
import type { AppDb } from '../db/app-db';
import { firstLiveShredDay } from '../shred/shred-day';
import type { ShredKeyStore } from '../shred/shred-key-store';
import type { OrderRecord } from '../db/records';

/**
 * Inside the caller's rw transaction (buyers, orders, exports): deletes the shred keys of these
 * orders first (what makes the PII unrecoverable: copies of deleted rows survive in LevelDB
 * files until compaction, docs/deletion-measurements.md), then the buyers rows (removed,
 * not blanked — ARCHITECTURE: Stored data), marks the orders `purged` with no purgeAt, and brings
 * every live export file holding one of these orders due now, so the file cleanup that follows
 * (and every later sweep, if a removal fails) deletes it. Returns the order numbers whose PII
 * was erased: those with a buyers row or an order still marked `present`.
 */
export async function erasePiiInTransaction(db: AppDb, shredKeys: ShredKeyStore, orderSns: readonly string[], now: number): Promise<string[]> {
  if (orderSns.length === 0) return [];
  const sns = [...new Set(orderSns)];
  // Every listed order's keys go, also keys of rows never written (a capture cut short).
  await Dexie.waitFor(shredKeys.forgetOrders(sns));
  const [orders, buyers] = await Promise.all([db.orders.bulkGet(sns), db.buyers.bulkGet(sns)]);
  const erased: string[] = [];
  const purgedOrders: OrderRecord[] = [];
  sns.forEach((sn, i) => {
    const order = orders[i];
    if (buyers[i] === undefined && order?.piiState !== 'present') return;
    erased.push(sn);
    if (order) purgedOrders.push(markPurged(order, buyers[i]?.purgeAt ?? null, now));
  });
  if (erased.length === 0) return [];
  await db.buyers.bulkDelete(erased);
  await db.orders.bulkPut(purgedOrders);
  await bringExportFilesDue(db, erased, now);
  return erased;
}

/**
 * The order after its PII is erased: `purged`, no purgeAt, and `purgeFloor` = the earliest
 * deadline known for it (order, buyers row, an earlier floor; the erase time when none). Keeping
 * the floor stops a re-capture or a raised retentionDays from storing the purged data again.
 */
export function markPurged(order: OrderRecord, buyerPurgeAt: number | null, now: number): OrderRecord {
  const known = [order.purgeAt, buyerPurgeAt, order.purgeFloor].filter((t): t is number => typeof t === 'number');
  return { ...order, piiState: 'purged', purgeAt: null, purgeFloor: known.length > 0 ? Math.min(...known) : now };
}

/**
 * Every live export file holding one of these orders (or every live file, for 'all') becomes due
 * now, so the file cleanup that follows removes it. The one home of this rule: purge, notices and
 * clear all call it.
 */
export async function bringExportFilesDue(db: AppDb, orderSns: readonly string[] | 'all', now: number): Promise<void> {
  if (orderSns !== 'all' && orderSns.length === 0) return;
  const files =
    orderSns === 'all'
      ? db.exports.where('state').equals('live')
      : db.exports
          .where('orderSns')
          .anyOf(orderSns as string[])
          .distinct();
  await files.modify((file) => {
    if (file.state === 'live' && file.purgeAt > now) file.purgeAt = now;
  });
}

/**
 * The purge's erase: both sides come from their purgeAt index ranges (orders read with one
 * range read instead of a get per key), so the work follows the number due. A buyers row whose
 * order's purgeAt differs (should not happen: capture and vault keep them equal) is still covered.
 */
export async function eraseDueInTransaction(db: AppDb, shredKeys: ShredKeyStore, now: number): Promise<string[]> {
  const [buyerKeys, dueOrders] = await Promise.all([db.buyers.where('purgeAt').belowOrEqual(now).primaryKeys(), db.orders.where('purgeAt').belowOrEqual(now).toArray()]);
  const orderKeys = new Set(dueOrders.map((o) => o.orderSn));
  const strays = buyerKeys.filter((sn) => !orderKeys.has(sn));
  const strayOrders = strays.length > 0 ? (await db.orders.bulkGet(strays)).filter((o): o is OrderRecord => o !== undefined) : [];
  const erased = [...new Set([...buyerKeys, ...orderKeys])];
  // Shred keys first, every time: whole files of past days (all due, even keys of rows never
  // written) and the keys of today's due rows — PII due now is unrecoverable before this returns.
  await Dexie.waitFor(shredKeys.forgetOrders(erased, { daysBefore: firstLiveShredDay(now) }));
  if (erased.length === 0) return [];
  await db.buyers.bulkDelete(buyerKeys);
  // Every one of these is due: its floor is at most now.
  await db.orders.bulkPut([...dueOrders, ...strayOrders].map((o) => markPurged(o, now, now)));
  await bringExportFilesDue(db, erased, now);
  return erased;
}
