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

/** Order numbers a scope covers that may hold PII or files (index lookups; sub-orders resolved to parents). */
export async function scopeOrderSns(db: AppDb, scope: DeletionScope): Promise<string[]> {
  switch (scope.kind) {
    case 'all':
      return union(db.buyers.toCollection().primaryKeys(), db.orders.where('piiState').equals('present').primaryKeys());
    case 'shop':
      return union(db.buyers.where('shopId').equals(scope.shopId).primaryKeys(), db.orders.where('shopId').equals(scope.shopId).primaryKeys());
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
