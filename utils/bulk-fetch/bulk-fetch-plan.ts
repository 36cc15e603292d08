/**
 * Which orders a bulk fetch asks the seller center about (issue 12): orders of the tab's shop that
 * still need shipping and hold no address. Pure: the background passes the rows it read.
 */
import type { OrderStatus, PiiState } from '../db/records';

/** At most this many orders per batch: at the default pace (two requests per order, one a second) about 1 h 40 min. */
export const MAX_BATCH_ORDERS = 3000;

/** Statuses still to ship (the seller center's "to ship" tab: 2, 41). */
const TO_SHIP: readonly OrderStatus[] = ['to_ship', 'partially_shipped'];

export interface PlanCandidate {
  orderSn: string;
  shopId: string;
  status: OrderStatus;
  shippedAt: number | null;
  piiState: PiiState;
}

export interface BulkFetchPlan {
  /** Order numbers to fetch, in the order given (the seller's selection or the list order). */
  orderSns: string[];
  /** Eligible orders left out because the batch is full. */
  overLimit: number;
}

/**
 * `candidates`: the shop's orders (any order); `selected`: the seller's selection, or null for
 * every eligible order. Left out: other shops, shipped or closed orders, orders holding an address
 * (`present`), and `purged` ones — their address was erased (retention, a deletion notice, a
 * reset); fetching it again in bulk would undo a deletion the seller did not ask to undo.
 */
export function planBulkFetch(candidates: readonly PlanCandidate[], shopId: string, selected: readonly string[] | null, limit = MAX_BATCH_ORDERS): BulkFetchPlan {
  const wanted = selected === null ? null : new Set(selected);
  const seen = new Set<string>();
  const eligible: string[] = [];
  for (const o of candidates) {
    if (seen.has(o.orderSn)) continue;
    seen.add(o.orderSn);
    if (wanted !== null && !wanted.has(o.orderSn)) continue;
    if (o.shopId !== shopId || o.shippedAt !== null || !TO_SHIP.includes(o.status) || o.piiState !== 'none') continue;
    eligible.push(o.orderSn);
  }
  return { orderSns: eligible.slice(0, limit), overLimit: Math.max(0, eligible.length - limit) };
}
