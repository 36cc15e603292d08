import type { AppDb } from '../db/app-db';
import type { OrderRecord } from '../db/records';
import { endOfLocalDay } from '../time/local-day';
import { listOrderUpdate, rowListUpdate, unlessNull } from './order-memo-updates';
import { compareListOrder, createOrderPredicate, normalizeOrderSnQuery, OPEN_STATUSES, TO_SHIP_STATUSES } from './order-filter';
import {
  countAll,
  countShipByBefore,
  countSource,
  countWith,
  keysContaining,
  keysShipByBefore,
  keysWith,
  type ListSource,
  MARK_STEP,
  memoOf,
  sourceCollections,
  sourceKeys,
  sourceRowsAt,
} from './order-index-reads';
import type { OrderFilter, OrderPage, OrderSummaryRow } from './orders-messages';

/** Narrowed sets (given order numbers, ship-by due, a "PO-…" prefix) up to this size are loaded as rows and sorted. */
export const LOAD_MAX = 5000;
/** A window ending within this many rows is read by walking the index with the rows (no key list). */
export const DIRECT_MAX = 300;
/** Rows one such walk inspects per index range before it gives up for the key list (sparse matches). */
export const WALK_BUDGET = 2000;

export interface OrderQueryOptions {
  /** false: skip the total unless it is already known (the page asks `orders/count` separately). */
  withTotal?: boolean;
  loadMax?: number;
  directMax?: number;
}

/**
 * The popup's list query (issue 11: 100,000 orders; docs/decisions.md). Each filter is index
 * ranges (schema version 4, order-index-reads.ts):
 * - the list order comes from one source read backwards: to ship → [status+capturedAt] for
 *   to_ship and partially_shipped (merged), ship-by due → the open statuses, shop →
 *   [shopId+capturedAt], else capturedAt;
 * - the other conditions are key sets from small ranges: shipped ([status+shippedAt]), exported
 *   ([status+exportedAt]), ship-by due ([status+shipBy] below the seller's end of today), the
 *   shop's keys, the order number itself.
 * First rows walk the source with the rows (nothing is counted or listed first). Everything
 * derived — counts (native where the filter is one range), key lists, scroll marks, small sets
 * loaded as rows — is kept while `orders` is unchanged and carried over a capture's write
 * (RevisionMemo, order-memo-updates.ts), so a scroll position, a count or select all is then a slice. Deep pages of a one-range list come from
 * marks rather than its full key list (reading 100,000 keys costs ~5× counting them).
 */
export async function queryOrderPage(db: AppDb, filter: OrderFilter, offset: number, limit: number, now: number, options: OrderQueryOptions = {}): Promise<OrderPage> {
  const q = listQuery(filter, now, options);
  const [window, total] = await Promise.all([windowOf(db, q, offset, limit), options.withTotal === false ? null : countList(db, q)]);
  const rows = window.kind === 'rows' ? window.rows : (await db.orders.bulkGet(window.keys)).filter((o): o is OrderRecord => o !== undefined);
  return { total: total ?? knownTotal(db, q), rows: rows.map(toSummaryRow) };
}

/** How many orders match (the list's scroll height). */
export function countOrders(db: AppDb, filter: OrderFilter, now: number, options: Omit<OrderQueryOptions, 'withTotal'> = {}): Promise<number> {
  return countList(db, listQuery(filter, now, options));
}

/** Order numbers matching the filter, in list order (select all and shift-click ranges). */
export async function queryOrderKeys(
  db: AppDb,
  filter: OrderFilter,
  offset: number,
  limit: number,
  now: number,
  options: Omit<OrderQueryOptions, 'withTotal'> = {},
): Promise<string[]> {
  const window = await windowOf(db, listQuery(filter, now, options), offset, limit);
  return window.kind === 'keys' ? window.keys : window.rows.map((o) => o.orderSn);
}

export function toSummaryRow(o: OrderRecord): OrderSummaryRow {
  return {
    orderSn: o.orderSn,
    shopId: o.shopId,
    status: o.status,
    createdAt: o.createdAt,
    shipBy: o.shipBy,
    shippedAt: o.shippedAt,
    capturedAt: o.capturedAt,
    exportedAt: o.exportedAt,
    exportFormat: o.exportFormat ?? null,
    piiState: o.piiState,
    itemCount: o.itemCount,
    purgeAt: o.purgeAt,
    packages: (o.packages ?? []).flatMap((p) => (p.trackingNumber ? [{ trackingNumber: p.trackingNumber, carrier: p.carrier }] : [])),
    addressReview: o.addressReview ?? null,
    heldPageFact: o.heldPageFact ?? null,
    timesUncertain: o.timesUncertain ?? false,
  };
}

interface ListQuery {
  filter: OrderFilter;
  /** The filter's identity in the memo ("ship-by due" resolved to the seller's end of today). */
  key: string;
  /** Normalized order-number search text. */
  query: string;
  endOfToday: number;
  predicate: (o: OrderRecord) => boolean;
  source: ListSource;
  /** The source's rows all match (no filter beyond the source): its first rows are one range read. */
  plain: boolean;
  loadMax: number;
  directMax: number;
}

function listQuery(filter: OrderFilter, now: number, options: Omit<OrderQueryOptions, 'withTotal'>): ListQuery {
  const query = normalizeOrderSnQuery(filter.orderSnQuery);
  const endOfToday = endOfLocalDay(now, filter.utcOffsetMinutes);
  const source: ListSource = filter.toShip
    ? { kind: 'statuses', statuses: TO_SHIP_STATUSES }
    : filter.shipByDue
      ? { kind: 'statuses', statuses: OPEN_STATUSES }
      : filter.shopId !== undefined
        ? { kind: 'shop', shopId: filter.shopId }
        : { kind: 'all' };
  return {
    filter,
    key: JSON.stringify([filter.shopId ?? null, filter.toShip, filter.notExported, filter.shipByDue ? endOfToday : null, query, filter.orderSns ?? null]),
    query,
    endOfToday,
    predicate: createOrderPredicate(filter, now),
    source,
    plain: !filter.toShip && !filter.shipByDue && !filter.notExported && filter.orderSns === undefined && query === '',
    loadMax: options.loadMax ?? LOAD_MAX,
    directMax: options.directMax ?? DIRECT_MAX,
  };
}

type Window = { kind: 'rows'; rows: OrderRecord[] } | { kind: 'keys'; keys: string[] };

/** The list's slice [offset, offset + limit): rows where they were read anyway, else keys. */
async function windowOf(db: AppDb, q: ListQuery, offset: number, limit: number): Promise<Window> {
  const memo = memoOf(db);
  const listed = memo.peek<string[]>(listMemoKey(q));
  const known = memo.peek<OrderRecord[] | null>(smallMemoKey(q));
  // The first rows: walk the source with the rows (nothing sized or listed first), unless a
  // list or loaded set is already there (a one-range walk is one range read: always walk it).
  if (!known && (!listed || q.plain) && offset + limit <= q.directMax) {
    const direct = await walkRows(db, q, offset + limit);
    if (direct) return { kind: 'rows', rows: direct.slice(offset) };
  }
  const small = known ?? (await smallRows(db, q));
  if (small) return { kind: 'rows', rows: small.slice(offset, offset + limit) };
  // Deep in a one-range list with no list read yet: from the range's marks, not its keys.
  if (!listed && q.plain && q.source.kind !== 'statuses' && limit <= MARK_STEP) return { kind: 'rows', rows: await sourceRowsAt(db, q.source, offset, limit) };
  return { kind: 'keys', keys: (listed ?? (await listKeys(db, q))).slice(offset, offset + limit) };
}

async function countList(db: AppDb, q: ListQuery): Promise<number> {
  const known = knownTotal(db, q);
  if (known !== null) return known;
  const small = await smallRows(db, q);
  if (small) return small.length;
  return (await nativeCount(db, q)) ?? (await listKeys(db, q)).length;
}

/** The total when it is already known: a loaded small set, or a list already read. */
function knownTotal(db: AppDb, q: ListQuery): number | null {
  const memo = memoOf(db);
  return memo.peek<OrderRecord[] | null>(smallMemoKey(q))?.length ?? memo.peek<string[]>(listMemoKey(q))?.length ?? null;
}

const smallMemoKey = (q: ListQuery) => `small:${q.loadMax}:${q.key}`;

/**
 * Given order numbers, ship-by due, a "PO-…" prefix or an order-number part that narrow to at
 * most loadMax orders: those rows, filtered and sorted. Null when nothing narrows that far.
 * Sizes come from native counts first; only the smallest set's keys are read (an order-number
 * part costs a scan of the primary keys, so it is tried last).
 */
function smallRows(db: AppDb, q: ListQuery): Promise<OrderRecord[] | null> {
  const { filter, query, loadMax } = q;
  const prefix = query.startsWith('PO-');
  if (filter.orderSns === undefined && !filter.shipByDue && query === '') return Promise.resolve(null);
  return memoOf(db).get(
    smallMemoKey(q),
    async () => {
      const given = filter.orderSns === undefined ? null : [...new Set(filter.orderSns)];
      const byPrefix = () => db.orders.where('orderSn').startsWith(query);
      const [dueCount, prefixCount] = await Promise.all([filter.shipByDue ? countShipByBefore(db, OPEN_STATUSES, q.endOfToday) : null, prefix ? byPrefix().count() : null]);
      const sets: { size: number; keys: () => Promise<string[]> }[] = [];
      if (given) sets.push({ size: given.length, keys: async () => given });
      if (dueCount !== null) sets.push({ size: dueCount, keys: () => keysShipByBefore(db, OPEN_STATUSES, q.endOfToday) });
      if (prefixCount !== null) sets.push({ size: prefixCount, keys: () => byPrefix().primaryKeys() as Promise<string[]> });
      let smallest = sets.sort((a, b) => a.size - b.size)[0];
      if ((!smallest || smallest.size > loadMax) && query !== '' && !prefix) {
        const hits = await keysContaining(db, query);
        smallest = { size: hits.length, keys: async () => hits };
      }
      if (!smallest || smallest.size > loadMax) return null;
      const rows = await db.orders.bulkGet(await smallest.keys());
      return rows.filter((o): o is OrderRecord => o !== undefined && q.predicate(o)).sort(compareListOrder);
    },
    // Every matching order: it stays exact when it grows past loadMax (it is only slower to keep).
    unlessNull(rowListUpdate(q.predicate)),
  );
}

const listMemoKey = (q: ListQuery) => `list:${q.key}`;

/** Every matching order number in list order: the source's keys minus the key sets that exclude. */
function listKeys(db: AppDb, q: ListQuery): Promise<string[]> {
  return memoOf(db).get(
    listMemoKey(q),
    async () => {
      const small = await smallRows(db, q);
      if (small) return small.map((o) => o.orderSn);
      const { filter, query, source } = q;
      const [keys, shop, shipped, due, exported] = await Promise.all([
        sourceKeys(db, source), // also reads the top of the store (topOf), which this list's updates need
        filter.shopId !== undefined && source.kind !== 'shop' ? sourceKeys(db, { kind: 'shop', shopId: filter.shopId }).then((k) => new Set(k)) : null,
        // Source statuses are all to ship / open: those with a ship time are out.
        source.kind === 'statuses' ? keysWith(db, 'shippedAt', source.statuses) : null,
        filter.shipByDue ? keysShipByBefore(db, OPEN_STATUSES, q.endOfToday).then((k) => new Set(k)) : null,
        filter.notExported ? keysWith(db, 'exportedAt', source.kind === 'statuses' ? source.statuses : 'all') : null,
      ]);
      const only = filter.orderSns === undefined ? null : new Set(filter.orderSns);
      if (!shop && !shipped && !due && !exported && !only && query === '') return keys;
      return keys.filter(
        (sn) =>
          (shop === null || shop.has(sn)) &&
          (shipped === null || !shipped.has(sn)) &&
          (due === null || due.has(sn)) &&
          (exported === null || !exported.has(sn)) &&
          (only === null || only.has(sn)) &&
          (query === '' || sn.toUpperCase().includes(query)),
      );
    },
    listOrderUpdate(q.predicate),
  );
}

/**
 * The first `need` matching rows by walking the source's ranges with the rows (merged), or null
 * when a range gave up: more than WALK_BUDGET rows inspected for too few matches, or an
 * order-number search (answered from keys alone by the list).
 */
async function walkRows(db: AppDb, q: ListQuery, need: number): Promise<OrderRecord[] | null> {
  if (q.query !== '' || q.filter.orderSns !== undefined) return null;
  const runs = await Promise.all(
    sourceCollections(db, q.source).map(async (range) => {
      if (q.plain) return { rows: await range.limit(need).toArray(), complete: true };
      let inspected = 0;
      const rows = await range
        .until(() => ++inspected > WALK_BUDGET)
        .filter(q.predicate)
        .limit(need)
        .toArray();
      return { rows, complete: rows.length >= need || inspected <= WALK_BUDGET };
    }),
  );
  if (runs.some((run) => !run.complete)) return null;
  return runs
    .flatMap((run) => run.rows)
    .sort(compareListOrder)
    .slice(0, need);
}

/**
 * Counts without the list where the filter allows: native index counts for one range (or one
 * minus another); for "ship by today", the size of the due key set minus the key sets that
 * exclude (no list order needed). Null otherwise.
 */
function nativeCount(db: AppDb, q: ListQuery): Promise<number> | null {
  const { filter, query } = q;
  if (filter.orderSns !== undefined) return null;
  if (filter.shipByDue) return dueCount(db, q);
  if (query !== '') return null;
  const narrowing = [filter.shopId !== undefined, filter.toShip, filter.notExported].filter(Boolean).length;
  if (narrowing === 0) return countAll(db);
  if (narrowing > 1) return null;
  if (filter.shopId !== undefined || filter.toShip) {
    // To ship: the to-ship statuses minus those of them with a ship time (marked shipped).
    const minus = filter.toShip ? countWith(db, 'shippedAt', TO_SHIP_STATUSES) : Promise.resolve(0);
    return Promise.all([countSource(db, q.source), minus]).then(([n, m]) => n - m);
  }
  // Not exported: exportedAt is indexed only where set (null keys are not), so all − exported.
  return Promise.all([countAll(db), countWith(db, 'exportedAt', 'all')]).then(([n, m]) => n - m);
}

async function dueCount(db: AppDb, q: ListQuery): Promise<number> {
  const { filter, query } = q;
  const statuses = filter.toShip ? TO_SHIP_STATUSES : OPEN_STATUSES;
  const [due, shipped, exported, shop] = await Promise.all([
    keysShipByBefore(db, statuses, q.endOfToday),
    keysWith(db, 'shippedAt', statuses),
    filter.notExported ? keysWith(db, 'exportedAt', statuses) : null,
    filter.shopId !== undefined ? sourceKeys(db, { kind: 'shop', shopId: filter.shopId }).then((k) => new Set(k)) : null,
  ]);
  return due.filter((sn) => !shipped.has(sn) && (exported === null || !exported.has(sn)) && (shop === null || shop.has(sn)) && (query === '' || sn.toUpperCase().includes(query)))
    .length;
}
