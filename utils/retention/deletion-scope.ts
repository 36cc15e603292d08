import type { AppDb } from '../db/app-db';
import type { NoticeRecord } from '../db/records';
import { erasePiiInTransaction } from './pii-eraser';

export type DeletionScope = NoticeRecord['scope'];

async function union(...lists: Promise<string[]>[]): Promise<string[]> {
  return [...new Set((await Promise.all(lists)).flat())];
}

/** Order numbers a scope covers that may hold PII or files (index lookups). */
export function scopeOrderSns(db: AppDb, scope: DeletionScope): Promise<string[]> {
  switch (scope.kind) {
    case 'all':
      return union(db.buyers.toCollection().primaryKeys(), db.orders.where('piiState').equals('present').primaryKeys());
    case 'shop':
      return union(db.buyers.where('shopId').equals(scope.shopId).primaryKeys(), db.orders.where('shopId').equals(scope.shopId).primaryKeys());
    case 'orders':
      return Promise.resolve([...new Set(scope.orderSns)]);
  }
}

/**
 * Inside the caller's rw transaction (buyers, orders, exports): erases the scope's PII and makes
 * every live tracked file in scope due now — also files whose orders' PII was already gone — so
 * the file cleanup that follows removes them. Returns the order numbers whose PII was erased.
 */
export async function eraseScopeInTransaction(db: AppDb, scope: DeletionScope, now: number): Promise<string[]> {
  const sns = await scopeOrderSns(db, scope);
  const erased = await erasePiiInTransaction(db, sns, now);
  const files = scope.kind === 'all' ? db.exports.where('state').equals('live') : db.exports.where('orderSns').anyOf(sns).distinct();
  await files.modify((file) => {
    if (file.state === 'live' && file.purgeAt > now) file.purgeAt = now;
  });
  return erased;
}
