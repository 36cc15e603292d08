import Dexie from 'dexie';
import type { AppDb } from '../db/app-db';
import type { ShredKeyStore } from '../shred/shred-key-store';
import type { NoticeRecord } from '../db/records';
import { bringExportFilesDue, erasePiiInTransaction } from './pii-eraser';

export type DeletionScope = NoticeRecord['scope'];

async function union(...lists: Promise<string[]>[]): Promise<string[]> {
  return [...new Set((await Promise.all(lists)).flat())];
}

export interface ResolvedOrderList {
  /** Parent order numbers (orders / buyers keys) the listed numbers resolve to. */
  parents: string[];
  /** Listed numbers that are neither a stored parent order, a buyers row nor a stored sub-order. */
  unmatched: string[];
}

/**
 * A notice may list parent ("PO-211-…") or sub-order ("211-…") numbers as the seller center prints
 * them; PII is keyed by parent order, so sub-order numbers resolve through the items index.
 */
export async function resolveOrderList(db: AppDb, listed: readonly string[]): Promise<ResolvedOrderList> {
  const wanted = [...new Set(listed)];
  const [orders, buyers] = await Promise.all([db.orders.bulkGet(wanted), db.buyers.bulkGet(wanted)]);
  const parents = new Set<string>();
  const rest: string[] = [];
  wanted.forEach((sn, i) => {
    if (orders[i] || buyers[i]) parents.add(sn);
    else rest.push(sn);
  });
  const items = rest.length > 0 ? await db.items.where('subOrderSn').anyOf(rest).toArray() : [];
  const subMatched = new Set<string>();
  for (const item of items) {
    parents.add(item.orderSn);
    subMatched.add(item.subOrderSn);
  }
  return { parents: [...parents], unmatched: rest.filter((sn) => !subMatched.has(sn)) };
}

/**
 * `buyers` has no shop index (schema version 5: every capture write paid for one): a buyers row is
 * only written for a stored order of the same shop, an order never changes shop, and orders are
 * only removed together with every buyers row (clear all), so the shop's orders name its rows.
 * A row without its order (none is expected) is still found here: a notice must not miss one.
 * Key-only reads, then only such rows are read.
 */
async function shopRowsWithoutOrder(db: AppDb, shopId: string): Promise<string[]> {
  const [buyerSns, orderSns] = await Promise.all([db.buyers.toCollection().primaryKeys(), db.orders.toCollection().primaryKeys()]);
  const ordered = new Set(orderSns);
  const orphans = buyerSns.filter((sn) => !ordered.has(sn));
  if (orphans.length === 0) return [];
  return (await db.buyers.bulkGet(orphans)).filter((row) => row?.shopId === shopId).map((row) => row!.orderSn);
}

/** Order numbers a scope covers that may hold PII or files (index lookups; sub-orders resolved to parents). */
export async function scopeOrderSns(db: AppDb, scope: DeletionScope): Promise<string[]> {
  switch (scope.kind) {
    case 'all':
      return union(db.buyers.toCollection().primaryKeys(), db.orders.where('piiState').equals('present').primaryKeys());
    case 'shop':
      return union(db.orders.where('shopId').equals(scope.shopId).primaryKeys(), shopRowsWithoutOrder(db, scope.shopId));
    case 'orders':
      return (await resolveOrderList(db, scope.orderSns)).parents;
  }
}

/**
 * Inside the caller's rw transaction (buyers, orders, items, exports): erases the scope's PII and makes
 * every live tracked file in scope due now — also files whose orders' PII was already gone — so
 * the file cleanup that follows removes them. Returns the order numbers whose PII was erased.
 */
export async function eraseScopeInTransaction(db: AppDb, shredKeys: ShredKeyStore, scope: DeletionScope, now: number): Promise<string[]> {
  const sns = await scopeOrderSns(db, scope);
  // Everything: every shred file goes (also keys no row refers to any more).
  if (scope.kind === 'all') await Dexie.waitFor(shredKeys.forgetAll());
  const erased = await erasePiiInTransaction(db, shredKeys, sns, now);
  await bringExportFilesDue(db, scope.kind === 'all' ? 'all' : sns, now);
  return erased;
}
