import Dexie, { type Collection, type InsertType } from 'dexie';
import type { AppDb } from '../db/app-db';
import type { OrderRecord, OrderStatus } from '../db/records';
import {
  countUpdate,
  keyBagUpdate,
  keySetUpdate,
  type ListPlace,
  listOrderUpdate,
  netChanges,
  type OrderChange,
  type PlaceMark,
  shiftMarks,
  sortedKeysUpdate,
  TOP_KEY,
  topUpdate,
} from './order-memo-updates';
import { type MemoUpdate, RevisionMemo } from './revision-memo';

/**
 * The orders indexes the popup list reads (schema version 4), as counts and key lists that need
 * no rows, each kept while `orders` is unchanged and carried over the writes it can follow
 * (RevisionMemo, order-memo-updates.ts; a capture's write updates them instead of a recount).
 * Key lists in "list order" are newest capture first, ties by order number descending
 * (compareListOrder): an index on [… + capturedAt] read backwards.
 */

export type OrderCollection = Collection<OrderRecord, string, InsertType<OrderRecord, 'orderSn'>>;

const memos = new WeakMap<AppDb, RevisionMemo<OrderChange>>();

/** The memo of derived order reads for one database object, told about its every write to `orders`. */
export function memoOf(db: AppDb): RevisionMemo<OrderChange> {
  let memo = memos.get(db);
  if (!memo) {
    const created = new RevisionMemo<OrderChange>(48, netChanges);
    db.observeOrderWrites({
      started: (trans) => created.writeStarted(trans),
      wantsChanges: () => created.wantsChanges(),
      changed: (trans, changes) => created.writeChanges(trans, changes),
      ended: (trans, committed) => created.writeEnded(trans, committed),
    });
    memos.set(db, created);
    memo = created;
  }
  return memo;
}

/** The first order of the whole store in list order, for lists that take new orders at their front. */
export const topOf = (db: AppDb) =>
  memoOf(db).get<ListPlace | null>(
    TOP_KEY,
    async () => {
      const first = await db.orders.orderBy('capturedAt').reverse().first();
      return first ? { capturedAt: first.capturedAt, orderSn: first.orderSn } : null;
    },
    topUpdate,
  );

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
  const read = async () => {
    if (source.kind !== 'statuses' || source.statuses.length === 1) return (await sourceCollections(db, source)[0]!.primaryKeys()) as string[];
    // Every order already listed: keep those of the statuses (their keys alone, no index keys).
    const all = memoOf(db).peek<string[]>(`keys:${sourceKey({ kind: 'all' })}`);
    if (all) {
      const parts = await Promise.all(source.statuses.map((status) => statusRange(db, '[status+capturedAt]', status).primaryKeys()));
      const wanted = new Set(parts.flat() as string[]);
      return all.filter((sn) => wanted.has(sn));
    }
    // Several statuses: their ranges are not adjacent, so each is read with its index keys
    // (capture time) and the sorted runs are merged. A plain key cursor: Dexie's eachKey took
    // 2× as long for 13,000 entries in Chromium 156 (1.4 s vs 0.7 s on this loaded machine).
    if (!db.isOpen()) await db.open();
    const runs = await Promise.all(
      source.statuses.map(
        (status) =>
          new Promise<{ at: number[]; sns: string[] }>((resolve, reject) => {
            const at: number[] = [];
            const sns: string[] = [];
            const range = Dexie.dependencies.IDBKeyRange.bound([status, Dexie.minKey], [status, Dexie.maxKey]);
            const req = db.backendDB().transaction('orders', 'readonly').objectStore('orders').index('[status+capturedAt]').openKeyCursor(range);
            req.onsuccess = () => {
              const cursor = req.result;
              if (!cursor) return resolve({ at, sns });
              at.push((cursor.key as [string, number])[1]);
              sns.push(cursor.primaryKey as string);
              cursor.continue();
            };
            req.onerror = () => reject(req.error);
          }),
      ),
    );
    return mergeNewestFirst(runs);
  };
  return memoOf(db).get(`keys:${sourceKey(source)}`, async () => (await Promise.all([read(), topOf(db)]))[0], listOrderUpdate(inSource(source)));
}

/** Whether an order is in the source's index ranges. */
export function inSource(source: ListSource): (order: OrderRecord) => boolean {
  if (source.kind === 'all') return () => true;
  if (source.kind === 'shop') return (order) => order.shopId === source.shopId;
  return (order) => source.statuses.includes(order.status);
}

/** Whether an order is in [status+shippedAt] / [status+exportedAt] for these statuses (the time set). */
const hasTime = (field: 'shippedAt' | 'exportedAt', statuses: readonly OrderStatus[] | 'all') => (order: OrderRecord) =>
  typeof order[field] === 'number' && (statuses === 'all' || statuses.includes(order.status));

/** Whether an order is in the [status+shipBy] ranges below `before` (upper bound excluded, as Dexie's between). */
const shipByBefore = (statuses: readonly OrderStatus[], before: number) => (order: OrderRecord) =>
  statuses.includes(order.status) && typeof order.shipBy === 'number' && order.shipBy < before;

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
  return memoOf(db).get(
    `with:${field}:${statuses === 'all' ? '*' : statuses.join(',')}`,
    async () => {
      if (statuses === 'all') return new Set((await db.orders.orderBy(index).primaryKeys()) as string[]);
      const parts = await Promise.all(statuses.map((status) => statusRange(db, index, status).primaryKeys()));
      return new Set(parts.flat() as string[]);
    },
    keySetUpdate(hasTime(field, statuses)),
  );
}

const shipByRanges = (db: AppDb, statuses: readonly OrderStatus[], before: number) =>
  statuses.map((status) => db.orders.where('[status+shipBy]').between([status, Dexie.minKey], [status, before]));

/** Order numbers of these statuses whose ship-by time is before `before` (orders without one are not indexed). */
export function keysShipByBefore(db: AppDb, statuses: readonly OrderStatus[], before: number): Promise<string[]> {
  return memoOf(db).get(
    `ship-by:${statuses.join(',')}:${before}`,
    async () => (await Promise.all(shipByRanges(db, statuses, before).map((r) => r.primaryKeys()))).flat() as string[],
    keyBagUpdate(shipByBefore(statuses, before)),
  );
}

/** How many orders keysShipByBefore would give (native counts). */
export function countShipByBefore(db: AppDb, statuses: readonly OrderStatus[], before: number): Promise<number> {
  return memoOf(db).get(
    `count:ship-by:${statuses.join(',')}:${before}`,
    async () => (await Promise.all(shipByRanges(db, statuses, before).map((r) => r.count()))).reduce((a, b) => a + b, 0),
    countUpdate(shipByBefore(statuses, before)),
  );
}

/**
 * Order numbers containing `part` (upper case), in no particular order: from the full list when
 * it is already known, else from the primary keys alone (no index: the cheapest full read).
 */
export function keysContaining(db: AppDb, part: string): Promise<string[]> {
  const contains = (sn: string) => sn.toUpperCase().includes(part);
  return memoOf(db).get(
    `containing:${part}`,
    async () => {
      const keys =
        memoOf(db).peek<string[]>(`keys:${sourceKey({ kind: 'all' })}`) ??
        (await memoOf(db).get('keys:by-number', async () => (await db.orders.toCollection().primaryKeys()) as string[], sortedKeysUpdate));
      return keys.filter(contains);
    },
    keyBagUpdate((order) => contains(order.orderSn)),
  );
}

/** Native IndexedDB counts (no rows, no keys read into the worker). */
export const countAll = (db: AppDb) => memoOf(db).get('count:all', () => db.orders.count(), countUpdate(inSource({ kind: 'all' })));

/** Orders in the source's ranges (a status source: the sum of each status's own count). */
export function countSource(db: AppDb, source: ListSource): Promise<number> {
  if (source.kind === 'statuses' && source.statuses.length > 1) {
    return Promise.all(source.statuses.map((status) => countSource(db, { kind: 'statuses', statuses: [status] }))).then((counts) => counts.reduce((a, b) => a + b, 0));
  }
  return memoOf(db).get(`count:${sourceKey(source)}`, () => sourceCollections(db, source)[0]!.count(), countUpdate(inSource(source)));
}

/** Orders of these statuses (or of all) that have a ship time / an export time. */
export const countWith = (db: AppDb, field: 'shippedAt' | 'exportedAt', statuses: readonly OrderStatus[] | 'all') =>
  memoOf(db).get(
    `count-with:${field}:${statuses === 'all' ? '*' : statuses.join(',')}`,
    async () => {
      const index = field === 'shippedAt' ? '[status+shippedAt]' : '[status+exportedAt]';
      if (statuses === 'all') return db.orders.orderBy(index).count();
      const counts = await Promise.all(statuses.map((status) => statusRange(db, index, status).count()));
      return counts.reduce((a, b) => a + b, 0);
    },
    countUpdate(hasTime(field, statuses)),
  );

/** Entries between two marks of a plain source (see sourceMarks). */
export const MARK_STEP = 1000;

/** A plain source's index: its name and its key range (all of it for `all`). */
function plainIndex(source: Exclude<ListSource, { kind: 'statuses' }>) {
  if (source.kind === 'all') return { name: 'capturedAt', range: null, key: (at: number): IndexableKey => at };
  return {
    name: '[shopId+capturedAt]',
    range: Dexie.dependencies.IDBKeyRange.bound([source.shopId, Dexie.minKey], [source.shopId, Dexie.maxKey]),
    key: (at: number): IndexableKey => [source.shopId, at],
  };
}
type IndexableKey = number | [string, number];

/** Marks of one source, read as far as asked so far, carried over writes (shiftMarks). */
interface Marks {
  /** List entries MARK_STEP apart as read (writes since then move their positions), in list order. */
  list: PlaceMark[];
  /** The last entry was behind the last mark when they were read. */
  complete: boolean;
  /** Extensions run one after another. */
  queue: Promise<void>;
}

const marksUpdate =
  (source: ListSource): MemoUpdate<Marks, OrderChange> =>
  (old, changes) => {
    const { marks, cut } = shiftMarks(old.list, changes, inSource(source));
    return { list: marks, complete: old.complete && !cut, queue: Promise.resolve() };
  };

/**
 * The last mark at or before list entry `offset` of a one-range source (null: the entry is above
 * the first mark, where orders came in after the marks were read). Marks are every MARK_STEP-th
 * entry in list order, read by a key cursor that skips (IDBCursor.advance) rather than reading
 * the keys between, only as far as asked, resuming at the last mark (continuePrimaryKey):
 * reaching entry n costs about skipping n entries, as `offset(n)` does, once instead of on every
 * request. Plain IndexedDB: Dexie's collections neither step a cursor by more than one nor
 * resume it at an index key and primary key.
 */
async function markBefore(db: AppDb, source: Exclude<ListSource, { kind: 'statuses' }>, offset: number): Promise<PlaceMark | null> {
  const marks = await memoOf(db).get<Marks>(`marks:${sourceKey(source)}`, async () => ({ list: [], complete: false, queue: Promise.resolve() }), marksUpdate(source));
  if (!reaches(marks, offset)) {
    marks.queue = marks.queue.catch(() => undefined).then(() => extendMarks(db, source, marks, offset));
    await marks.queue;
  }
  return marks.list.findLast((mark) => mark.at <= offset) ?? null;
}

/** The marks go as far as `offset` (less than a step before it), or to the end. */
const reaches = (marks: Marks, offset: number) => marks.complete || (marks.list.at(-1)?.at ?? -Infinity) + MARK_STEP > offset;

async function extendMarks(db: AppDb, source: Exclude<ListSource, { kind: 'statuses' }>, marks: Marks, offset: number): Promise<void> {
  if (reaches(marks, offset)) return;
  if (!db.isOpen()) await db.open();
  const { name, range, key } = plainIndex(source);
  const resumeAt = marks.list.at(-1);
  await new Promise<void>((resolve, reject) => {
    const req = db.backendDB().transaction('orders', 'readonly').objectStore('orders').index(name).openKeyCursor(range, 'prev');
    // From the top, or back to the last mark (already listed) and on from there.
    let step: 'resume' | 'on-last-mark' | 'walk' = resumeAt === undefined ? 'walk' : 'resume';
    req.onsuccess = () => {
      const cursor = req.result;
      if (!cursor) {
        marks.complete = true;
        return resolve();
      }
      if (step === 'resume') {
        // The cursor starts on the top entry: that is the last mark when only mark 0 is known.
        step = cursor.primaryKey === resumeAt!.orderSn ? 'walk' : 'on-last-mark';
        if (step === 'walk') cursor.advance(MARK_STEP);
        else cursor.continuePrimaryKey(key(resumeAt!.capturedAt), resumeAt!.orderSn);
        return;
      }
      if (step === 'on-last-mark') {
        step = 'walk';
        cursor.advance(MARK_STEP);
        return;
      }
      const at = cursor.key as IndexableKey;
      const last = marks.list.at(-1);
      marks.list.push({ capturedAt: Array.isArray(at) ? at[1] : at, orderSn: cursor.primaryKey as string, at: last ? last.at + MARK_STEP : 0 });
      if (reaches(marks, offset)) return resolve();
      cursor.advance(MARK_STEP);
    };
    req.onerror = () => reject(req.error);
  });
}

/** Rows [offset, offset + limit) of a one-range source in list order: from the nearest mark, skipping fewer than MARK_STEP. */
export async function sourceRowsAt(db: AppDb, source: Exclude<ListSource, { kind: 'statuses' }>, offset: number, limit: number): Promise<OrderRecord[]> {
  const mark = await markBefore(db, source, offset);
  if (!mark) return sourceCollections(db, source)[0]!.offset(offset).limit(limit).toArray();
  const { capturedAt: at, orderSn: sn } = mark;
  const { name, key } = plainIndex(source);
  const lowest = source.kind === 'all' ? Dexie.minKey : [source.shopId, Dexie.minKey];
  // Backwards from the mark's capture time: first the orders captured with it after the mark
  // (same time, larger number), then the mark itself.
  const tied = ((await db.orders.where(name).equals(key(at)).primaryKeys()) as string[]).filter((other) => other > sn).length;
  return db.orders
    .where(name)
    .between(lowest, key(at), true, true)
    .reverse()
    .offset(tied + offset - mark.at)
    .limit(limit)
    .toArray();
}
