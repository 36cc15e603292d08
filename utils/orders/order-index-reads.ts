import Dexie, { type Collection, type InsertType } from 'dexie';
import type { AppDb } from '../db/app-db';
import type { OrderRecord, OrderStatus } from '../db/records';
import { RevisionMemo } from './revision-memo';

/**
 * The orders indexes the popup list reads (schema version 4), as counts and key lists that need
 * no rows, each kept until the next write to `orders` (RevisionMemo over `db.writeCount`).
 * Key lists in "list order" are newest capture first, ties by order number descending
 * (compareListOrder): an index on [… + capturedAt] read backwards.
 */

export type OrderCollection = Collection<OrderRecord, string, InsertType<OrderRecord, 'orderSn'>>;

const memos = new WeakMap<AppDb, RevisionMemo>();

/** The memo of derived order reads for one database object. */
export function memoOf(db: AppDb): RevisionMemo {
  let memo = memos.get(db);
  if (!memo) {
    memo = new RevisionMemo(() => db.writeCount('orders'));
    memos.set(db, memo);
  }
  return memo;
}

/** Where an ordered walk of the list starts: every order, one shop's, or some statuses' (merged). */
export type ListSource = { kind: 'all' } | { kind: 'shop'; shopId: string } | { kind: 'statuses'; statuses: readonly OrderStatus[] };

export function sourceKey(source: ListSource): string {
  return source.kind === 'all' ? 'all' : source.kind === 'shop' ? `shop:${source.shopId}` : `statuses:${source.statuses.join(',')}`;
}

const statusRange = (db: AppDb, index: '[status+capturedAt]' | '[status+shippedAt]' | '[status+exportedAt]', status: OrderStatus) =>
  db.orders.where(index).between([status, Dexie.minKey], [status, Dexie.maxKey]);

/** The source's index ranges, each in list order (a status source has one range per status). */
export function sourceCollections(db: AppDb, source: ListSource): OrderCollection[] {
  if (source.kind === 'all') return [db.orders.orderBy('capturedAt').reverse()];
  if (source.kind === 'shop') return [db.orders.where('[shopId+capturedAt]').between([source.shopId, Dexie.minKey], [source.shopId, Dexie.maxKey]).reverse()];
  return source.statuses.map((status) => statusRange(db, '[status+capturedAt]', status).reverse());
}

/** The source's order numbers in list order (one index read; statuses merged by capture time). */
export function sourceKeys(db: AppDb, source: ListSource): Promise<string[]> {
  return memoOf(db).get(`keys:${sourceKey(source)}`, async () => {
    if (source.kind !== 'statuses' || source.statuses.length === 1) return (await sourceCollections(db, source)[0]!.primaryKeys()) as string[];
    // Every order already listed: keep those of the statuses (their keys alone, no index keys).
    const all = memoOf(db).peek<string[]>(`keys:${sourceKey({ kind: 'all' })}`);
    if (all) {
      const parts = await Promise.all(source.statuses.map((status) => statusRange(db, '[status+capturedAt]', status).primaryKeys()));
      const wanted = new Set(parts.flat() as string[]);
      return all.filter((sn) => wanted.has(sn));
    }
    // Several statuses: their ranges are not adjacent, so each is read with its index keys
    // (capture time) and the sorted runs are merged.
    const runs = await Promise.all(
      source.statuses.map(async (status) => {
        const at: number[] = [];
        const sns: string[] = [];
        await statusRange(db, '[status+capturedAt]', status).eachKey((key, cursor) => {
          at.push((key as [string, number])[1]);
          sns.push(cursor.primaryKey as string);
        });
        return { at, sns };
      }),
    );
    return mergeNewestFirst(runs);
  });
}

/** Merges runs sorted oldest first (capturedAt, then order number, ascending) into list order. */
export function mergeNewestFirst(runs: { at: number[]; sns: string[] }[]): string[] {
  const next = runs.map((r) => r.sns.length - 1);
  const out: string[] = [];
  for (;;) {
    let best = -1;
    for (let r = 0; r < runs.length; r++) {
      const i = next[r]!;
      if (i < 0) continue;
      if (best < 0) {
        best = r;
        continue;
      }
      const j = next[best]!;
      const a = runs[r]!.at[i]!;
      const b = runs[best]!.at[j]!;
      if (a > b || (a === b && runs[r]!.sns[i]! > runs[best]!.sns[j]!)) best = r;
    }
    if (best < 0) return out;
    out.push(runs[best]!.sns[next[best]!]!);
    next[best]!--;
  }
}

/** Order numbers of these statuses that have a ship time / an export time (sparse index ranges). */
export function keysWith(db: AppDb, field: 'shippedAt' | 'exportedAt', statuses: readonly OrderStatus[] | 'all'): Promise<Set<string>> {
  const index = field === 'shippedAt' ? '[status+shippedAt]' : '[status+exportedAt]';
  return memoOf(db).get(`with:${field}:${statuses === 'all' ? '*' : statuses.join(',')}`, async () => {
    if (statuses === 'all') return new Set((await db.orders.orderBy(index).primaryKeys()) as string[]);
    const parts = await Promise.all(statuses.map((status) => statusRange(db, index, status).primaryKeys()));
    return new Set(parts.flat() as string[]);
  });
}

/**
 * Order numbers of these statuses whose ship-by time is before `before` ([status+shipBy] ranges;
 * orders without one are not indexed). With `cap`, at most cap + 1 per status are read: more
 * than `cap` in all means "too many to load", not the exact set.
 */
export function keysShipByBefore(db: AppDb, statuses: readonly OrderStatus[], before: number, cap = Number.POSITIVE_INFINITY): Promise<string[]> {
  return memoOf(db).get(`ship-by:${statuses.join(',')}:${before}:${cap}`, async () => {
    const parts = await Promise.all(
      statuses.map((status) =>
        db.orders
          .where('[status+shipBy]')
          .between([status, Dexie.minKey], [status, before])
          .limit(cap + 1)
          .primaryKeys(),
      ),
    );
    return parts.flat() as string[];
  });
}

/** Native IndexedDB counts (no rows, no keys read into the worker). */
export const countAll = (db: AppDb) => memoOf(db).get('count:all', () => db.orders.count());

/** Orders in the source's ranges (a status source: the sum of each status's own count). */
export function countSource(db: AppDb, source: ListSource): Promise<number> {
  if (source.kind === 'statuses' && source.statuses.length > 1) {
    return Promise.all(source.statuses.map((status) => countSource(db, { kind: 'statuses', statuses: [status] }))).then((counts) => counts.reduce((a, b) => a + b, 0));
  }
  return memoOf(db).get(`count:${sourceKey(source)}`, () => sourceCollections(db, source)[0]!.count());
}

/** Orders of these statuses (or of all) that have a ship time / an export time. */
export const countWith = (db: AppDb, field: 'shippedAt' | 'exportedAt', statuses: readonly OrderStatus[] | 'all') =>
  memoOf(db).get(`count-with:${field}:${statuses === 'all' ? '*' : statuses.join(',')}`, async () => {
    const index = field === 'shippedAt' ? '[status+shippedAt]' : '[status+exportedAt]';
    if (statuses === 'all') return db.orders.orderBy(index).count();
    const counts = await Promise.all(statuses.map((status) => statusRange(db, index, status).count()));
    return counts.reduce((a, b) => a + b, 0);
  });
