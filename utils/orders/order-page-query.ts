import type { Collection, InsertType } from 'dexie';
import type { AppDb } from '../db/app-db';
import type { OrderRecord } from '../db/records';
import type { OrderFilter, OrderPage } from './orders-messages';
import { compareListOrder, createOrderPredicate, normalizeOrderSnQuery, TO_SHIP_STATUSES } from './order-filter';
import { endOfLocalDay } from '../time/local-day';
import type { OrderSummaryRow } from './orders-messages';

/**
 * Narrowed ranges up to this many orders are loaded and sorted in memory (exact total for
 * free); larger ones are walked newest-first with the filter, stopping after one page.
 */
export const LOAD_MAX = 5000;

export interface OrderQueryOptions {
  /** false: skip the total where it costs a scan (the page asks `orders/count` separately). */
  withTotal?: boolean;
  loadMax?: number;
}

/**
 * The popup's list query. Its cost follows one page or the narrowest index range, not the
 * store size (issue 6: first render with 100,000 stored orders < 200 ms). Measured in Chromium
 * with 100,000 orders: counting the table takes ~100 ms, the 100 newest rows ~4 ms — hence
 * `withTotal: false` for the first paint and a separate count.
 * - no narrowing filter: walk the `capturedAt` index newest-first ("not exported" filters the
 *   walk; its total = count − exportedAt-index count, null keys are not indexed).
 * - order numbers / shop / to ship / ship-by due / "PO-…" prefix: count each index range;
 *   the smallest, if <= LOAD_MAX, is loaded, filtered and sorted; else the filtered walk.
 * - order-number substring only: scan primary keys (no records) and load the matches.
 */
export async function queryOrderPage(db: AppDb, filter: OrderFilter, offset: number, limit: number, now: number, options: OrderQueryOptions = {}): Promise<OrderPage> {
  const plan = await planOrderQuery(db, filter, now, options.loadMax ?? LOAD_MAX);
  if (plan.kind === 'walk') {
    const [total, rows] = await Promise.all([options.withTotal === false ? null : plan.total(), plan.collection().offset(offset).limit(limit).toArray()]);
    return { total, rows: rows.map(toSummaryRow) };
  }
  const matched = await plan.load();
  return { total: matched.length, rows: matched.slice(offset, offset + limit).map(toSummaryRow) };
}

/** How many orders match (the list's scroll height). */
export async function countOrders(db: AppDb, filter: OrderFilter, now: number, options: Pick<OrderQueryOptions, 'loadMax'> = {}): Promise<number> {
  const plan = await planOrderQuery(db, filter, now, options.loadMax ?? LOAD_MAX);
  return plan.kind === 'walk' ? plan.total() : (await plan.load()).length;
}

/** Order numbers matching the filter, in list order (select all and shift-click ranges). */
export async function queryOrderKeys(
  db: AppDb,
  filter: OrderFilter,
  offset: number,
  limit: number,
  now: number,
  options: Pick<OrderQueryOptions, 'loadMax'> = {},
): Promise<string[]> {
  const plan = await planOrderQuery(db, filter, now, options.loadMax ?? LOAD_MAX);
  if (plan.kind === 'walk') {
    // Keys of the capturedAt index walk (an unfiltered walk reads no record values).
    return (await plan.collection().offset(offset).limit(limit).primaryKeys()) as string[];
  }
  const matched = await plan.load();
  return matched.slice(offset, offset + limit).map((o) => o.orderSn);
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
    piiState: o.piiState,
    itemCount: o.itemCount,
    purgeAt: o.purgeAt,
    packages: (o.packages ?? []).flatMap((p) => (p.trackingNumber ? [{ trackingNumber: p.trackingNumber, carrier: p.carrier }] : [])),
    addressReview: o.addressReview ?? null,
    heldPageFact: o.heldPageFact ?? null,
    timesUncertain: o.timesUncertain ?? false,
  };
}

type OrderCollection = Collection<OrderRecord, string, InsertType<OrderRecord, 'orderSn'>>;

type QueryPlan = { kind: 'walk'; collection: () => OrderCollection; total: () => Promise<number> } | { kind: 'load'; load: () => Promise<OrderRecord[]> };

async function planOrderQuery(db: AppDb, filter: OrderFilter, now: number, loadMax: number): Promise<QueryPlan> {
  const query = normalizeOrderSnQuery(filter.orderSnQuery);
  const predicate = createOrderPredicate(filter, now);
  const narrowing = filter.orderSns !== undefined || filter.shopId !== undefined || filter.toShip || filter.shipByDue || query !== '';

  if (!narrowing) {
    const newestFirst = () => db.orders.orderBy('capturedAt').reverse();
    if (!filter.notExported) return { kind: 'walk', collection: newestFirst, total: () => db.orders.count() };
    return {
      kind: 'walk',
      collection: () => newestFirst().filter((o) => o.exportedAt === null),
      // exportedAt is indexed only where set (IndexedDB skips null keys): not exported = all − exported.
      total: async () => (await db.orders.count()) - (await db.orders.where('exportedAt').aboveOrEqual(-Infinity).count()),
    };
  }

  // Each range counts cheaply and loads only on demand. Status uses one `equals` range per
  // status, not `anyOf`: anyOf's cursor jumping measured 32 s for 10,000 orders on
  // fake-indexeddb (and an anyOf collection keeps cursor state after one use).
  const ranges: IndexRange[] = [];
  const shopId = filter.shopId;
  const only = filter.orderSns;
  if (only !== undefined) ranges.push(keysRange(db, only));
  if (shopId !== undefined) ranges.push(collectionRange(() => db.orders.where('shopId').equals(shopId)));
  if (filter.toShip) ranges.push(unionRange(TO_SHIP_STATUSES.map((status) => collectionRange(() => db.orders.where('status').equals(status)))));
  if (filter.shipByDue) ranges.push(collectionRange(() => db.orders.where('shipBy').below(endOfLocalDay(now, filter.utcOffsetMinutes))));
  if (query.startsWith('PO-')) ranges.push(collectionRange(() => db.orders.where('orderSn').startsWith(query)));

  const finish = (records: OrderRecord[]) => records.filter(predicate).sort(compareListOrder);

  if (ranges.length === 0) {
    // Substring search only: keys are cheap to scan, records are loaded for the hits alone.
    return {
      kind: 'load',
      load: async () => {
        const keys = (await db.orders.toCollection().primaryKeys()) as string[];
        const hits = keys.filter((k) => k.toUpperCase().includes(query));
        const records = await db.orders.bulkGet(hits);
        return finish(records.filter((r): r is OrderRecord => r !== undefined));
      },
    };
  }

  // Counting is cheaper than loading, and capped: only "is it small enough to load?" matters
  // (an uncapped count of 100,000 index entries measured ~100 ms in Chromium).
  const counts = await Promise.all(ranges.map((range) => range.count(loadMax + 1)));
  const smallest = ranges[counts.indexOf(Math.min(...counts))]!;
  if (Math.min(...counts) <= loadMax) return { kind: 'load', load: async () => finish(await smallest.load()) };
  return {
    kind: 'walk',
    collection: () => db.orders.orderBy('capturedAt').reverse().filter(predicate),
    total: async () => (await smallest.load()).filter(predicate).length,
  };
}

/** A set of orders one index can give: its size first (cheap), its records on demand. */
interface IndexRange {
  /** Size, counted up to `cap` at most. */
  count: (cap: number) => Promise<number>;
  load: () => Promise<OrderRecord[]>;
}

function collectionRange(collection: () => OrderCollection): IndexRange {
  // limit().count() would still count the whole range (Dexie takes min(count, limit) after a
  // full IDB count); reading at most `cap` keys stops early.
  return { count: async (cap) => (await collection().limit(cap).primaryKeys()).length, load: () => collection().toArray() };
}

/** Disjoint ranges (e.g. one per status) as one. */
function unionRange(parts: IndexRange[]): IndexRange {
  return {
    count: async (cap) =>
      Math.min(
        cap,
        (await Promise.all(parts.map((p) => p.count(cap)))).reduce((a, b) => a + b, 0),
      ),
    load: async () => (await Promise.all(parts.map((p) => p.load()))).flat(),
  };
}

/** Given order numbers (a buyer-name search result): primary-key lookups. */
function keysRange(db: AppDb, orderSns: readonly string[]): IndexRange {
  const unique = [...new Set(orderSns)];
  return {
    count: async (cap) => Math.min(cap, unique.length),
    load: async () => (await db.orders.bulkGet(unique)).filter((o): o is OrderRecord => o !== undefined),
  };
}
