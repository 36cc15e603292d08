import Dexie from 'dexie';
import type { AppDb } from '../db/app-db';
import { deleteByKeysInTransaction, primaryKeysInTransaction } from '../db/plain-requests';
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
 * The purge's first step, inside the caller's rw transaction (buyers): the shred keys of every due
 * buyers row go — whole files of past days (every key in them is due, even keys of rows never
 * written) and the keys of due rows filed under today or later. The due rows are found by their
 * purgeAt index range (cost follows the number due). Returns their order numbers. After this the
 * due PII is unrecoverable (crypto-shredding: the rows are ciphertext without a key, and every
 * read treats a due row as gone); the rows themselves go in `deleteDueBuyerRowsInTransaction`.
 */
export async function forgetDueBuyersInTransaction(shredKeys: ShredKeyStore, now: number): Promise<string[]> {
  const due = (await primaryKeysInTransaction('buyers', 'purgeAt', dueRange(now))) as string[];
  await Dexie.waitFor(shredKeys.forgetOrders(due, { daysBefore: firstLiveShredDay(now) }));
  return due;
}

/**
 * The purge's row step, inside the caller's rw transaction (buyers): deletes every buyers row due
 * at `now`, found again by its index range (a row captured again since the keys went has a later
 * purgeAt and stays). Returns how many were deleted.
 */
export async function deleteDueBuyerRowsInTransaction(now: number): Promise<number> {
  const due = await primaryKeysInTransaction('buyers', 'purgeAt', dueRange(now));
  await deleteByKeysInTransaction('buyers', due);
  return due.length;
}

/** Buyers rows due at `now`: purgeAt <= now. */
const dueRange = (now: number) => IDBKeyRange.upperBound(now);

/**
 * The purge's order step, inside the caller's rw transaction (orders, exports): the orders whose
 * PII was erased, and every order still marked holding PII past its purgeAt (a buyers row
 * gone another way, a worker stopped between the two steps), become `purged`; their live export
 * files become due. Returns the orders marked that had no buyers row in `erased` (they are audited
 * separately). An order read with one range read, not a get per key.
 */
export async function markDueOrdersPurgedInTransaction(db: AppDb, erased: readonly string[], now: number): Promise<string[]> {
  const dueOrders = await db.orders.where('purgeAt').belowOrEqual(now).toArray();
  const dueSns = new Set(dueOrders.map((o) => o.orderSn));
  const erasedSet = new Set(erased);
  const rest = erased.filter((sn) => !dueSns.has(sn));
  const restOrders = rest.length > 0 ? (await db.orders.bulkGet(rest)).filter((o): o is OrderRecord => o !== undefined && o.piiState === 'present') : [];
  const marked = [...dueOrders, ...restOrders];
  if (marked.length === 0) return [];
  // Every one of these is due (or erased now): its floor is at most now.
  await db.orders.bulkPut(marked.map((o) => markPurged(o, now, now)));
  await bringExportFilesDue(
    db,
    marked.map((o) => o.orderSn),
    now,
  );
  return dueOrders.filter((o) => !erasedSet.has(o.orderSn)).map((o) => o.orderSn);
}
