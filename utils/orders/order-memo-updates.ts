import type { RowChange } from '../db/app-db';
import type { OrderRecord } from '../db/records';
import { compareListOrder } from './order-filter';
import type { MemoUpdate } from './revision-memo';

/**
 * How each kind of value derived from the orders store follows a committed write (RevisionMemo),
 * so the popup's counts and lists need no recount after a capture (issue 11). Pure: each takes
 * the rows before and after the write. A `member` test must admit exactly the orders the value's
 * index read admits (an index holds a row only where every part of its key is set).
 */

export type OrderChange = RowChange<OrderRecord>;
type Member = (order: OrderRecord) => boolean;

/** Where an order sits in list order (newest capture first, ties by order number descending). */
export type ListPlace = Pick<OrderRecord, 'capturedAt' | 'orderSn'>;

/** Memo key of the first order of the whole store in list order (null: no orders). */
export const TOP_KEY = 'top';

/** One change per order: a transaction that wrote an order twice changed it from the first row before to the last row after. */
export function netChanges(changes: readonly OrderChange[]): OrderChange[] {
  const byKey = new Map<string, OrderChange>();
  for (const change of changes) {
    const earlier = byKey.get(change.key);
    byKey.set(change.key, earlier ? { key: change.key, before: earlier.before, after: change.after } : change);
  }
  return [...byKey.values()];
}

/** For one value: whether the order was in it before, is in it after, and whether its place in list order moved. */
function sides(change: OrderChange, member: Member) {
  const was = change.before !== undefined && member(change.before);
  const is = change.after !== undefined && member(change.after);
  const moved = was && is && change.before!.capturedAt !== change.after!.capturedAt;
  return { was, is, moved };
}

/** A count of the orders `member` admits. */
export const countUpdate =
  (member: Member): MemoUpdate<number, OrderChange> =>
  (count, changes) => {
    let next = count;
    for (const change of changes) {
      const { was, is } = sides(change, member);
      next += Number(is) - Number(was);
    }
    return next;
  };

/** A set of the order numbers `member` admits (a new set when it changes: readers may hold the old one). */
export const keySetUpdate =
  (member: Member): MemoUpdate<Set<string>, OrderChange> =>
  (keys, changes) => {
    let next = keys;
    for (const change of changes) {
      const { was, is } = sides(change, member);
      if (was === is) continue;
      if (next === keys) next = new Set(keys);
      if (is) next.add(change.key);
      else next.delete(change.key);
    }
    return next;
  };

/** Order numbers `member` admits, in no particular order. */
export const keyBagUpdate =
  (member: Member): MemoUpdate<string[], OrderChange> =>
  (keys, changes) => {
    const gone = new Set<string>();
    const added: string[] = [];
    for (const change of changes) {
      const { was, is } = sides(change, member);
      if (was && !is) gone.add(change.key);
      if (is && !was) added.push(change.key);
    }
    if (gone.size === 0 && added.length === 0) return keys;
    return [...(gone.size > 0 ? keys.filter((sn) => !gone.has(sn)) : keys), ...added];
  };

/** Every order number in order-number order. */
export const sortedKeysUpdate: MemoUpdate<string[], OrderChange> = (keys, changes) => {
  const gone = new Set(changes.filter((c) => c.before && !c.after).map((c) => c.key));
  const next = gone.size > 0 ? keys.filter((sn) => !gone.has(sn)) : [...keys];
  for (const change of changes) {
    if (change.before || !change.after) continue;
    let lo = 0;
    let hi = next.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (next[mid]! < change.key) lo = mid + 1;
      else hi = mid;
    }
    next.splice(lo, 0, change.key);
  }
  return next;
};

/**
 * Order numbers `member` admits, in list order. Only their order numbers are kept, so an order
 * entering the list can be placed only at the front: when it is newer than the newest order of
 * the whole store before the write (what a capture writes). Otherwise the list is dropped.
 */
export const listOrderUpdate =
  (member: Member): MemoUpdate<string[], OrderChange> =>
  (keys, changes, before) => {
    const gone = new Set<string>();
    const entering: OrderRecord[] = [];
    for (const change of changes) {
      const { was, is, moved } = sides(change, member);
      if (was && (!is || moved)) gone.add(change.key);
      if (is && (!was || moved)) entering.push(change.after!);
    }
    if (gone.size === 0 && entering.length === 0) return keys;
    if (entering.length > 0) {
      const top = before(TOP_KEY) as ListPlace | null | undefined;
      if (top === undefined || (top !== null && entering.some((order) => compareListOrder(order, top) >= 0))) return undefined;
      entering.sort(compareListOrder);
    }
    const kept = gone.size > 0 ? keys.filter((sn) => !gone.has(sn)) : keys;
    return entering.length > 0 ? [...entering.map((o) => o.orderSn), ...kept] : kept;
  };

/** The first order of the whole store in list order. */
export const topUpdate: MemoUpdate<ListPlace | null, OrderChange> = (top, changes) => {
  let newest: ListPlace | null = null;
  let topLeft = false;
  for (const change of changes) {
    if (top !== null && change.key === top.orderSn && change.after?.capturedAt !== top.capturedAt) topLeft = true;
    if (change.after && (newest === null || compareListOrder(change.after, newest) < 0)) newest = change.after;
  }
  const place = newest && { capturedAt: newest.capturedAt, orderSn: newest.orderSn };
  if (top === null) return place;
  if (place && compareListOrder(place, top) < 0) return place;
  // The newest order moved or went and nothing newer came: the next one is not known here.
  return topLeft ? undefined : top;
};

/**
 * Rows `member` admits in list order (copies of what was written), all of them or the first
 * `limit`. A full list with a limit knows the store only down to its last row: when rows leave
 * it and nothing newer fills their places, it is dropped.
 */
export const rowListUpdate =
  (member: Member, limit?: number): MemoUpdate<OrderRecord[], OrderChange> =>
  (rows, changes) => {
    const changed = new Set(changes.map((c) => c.key));
    const entering = changes.flatMap((c) => (c.after !== undefined && member(c.after) ? [c.after] : []));
    if (entering.length === 0 && !rows.some((row) => changed.has(row.orderSn))) return rows;
    const merged = [...rows.filter((row) => !changed.has(row.orderSn)), ...entering].sort(compareListOrder);
    if (limit === undefined) return merged;
    if (rows.length < limit) return merged.slice(0, limit);
    const last = rows.at(-1)!;
    const known = merged.filter((row) => compareListOrder(row, last) <= 0);
    return known.length >= limit ? known.slice(0, limit) : undefined;
  };

/** An entry of a list and its position in it (a scroll mark). */
export interface PlaceMark extends ListPlace {
  at: number;
}

/**
 * Marks of a list (`member` admits its orders) after a write, each moved by the orders that
 * entered or left the list before it. A mark whose own order left or moved is dropped with every
 * mark after it (they are read again from the last one kept; `cut` says so): the cursor that
 * extends marks resumes at the last one, and cannot resume at a place no entry holds.
 */
export function shiftMarks(marks: readonly PlaceMark[], changes: readonly OrderChange[], member: Member): { marks: PlaceMark[]; cut: boolean } {
  let next = marks.map((mark) => ({ ...mark }));
  let cut = false;
  for (const change of changes) {
    const { was, is, moved } = sides(change, member);
    if (was && (!is || moved)) {
      const own = next.findIndex((mark) => mark.orderSn === change.key);
      if (own >= 0) {
        next = next.slice(0, own);
        cut = true;
      }
      for (const mark of next) if (compareListOrder(change.before!, mark) < 0) mark.at--;
    }
    if (is && (!was || moved)) for (const mark of next) if (compareListOrder(change.after!, mark) < 0) mark.at++;
  }
  return { marks: next, cut };
}

/** A value that may be null (nothing to keep up to date) follows writes by `update` otherwise. */
export const unlessNull =
  <T>(update: MemoUpdate<T, OrderChange>): MemoUpdate<T | null, OrderChange> =>
  (value, changes, before) =>
    value === null ? null : update(value, changes, before);
