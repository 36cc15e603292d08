import type { OrderRecord, OrderStatus } from '../db/records';
import type { OrderFilter } from './orders-messages';
import { endOfLocalDay } from '../time/local-day';

/** Statuses the seller still has to ship (the seller center's "to ship" tab: 2, 41). */
export const TO_SHIP_STATUSES: readonly OrderStatus[] = ['to_ship', 'partially_shipped'];

/** Every status, and whether it can no longer miss a ship-by time (closed). */
const CLOSED: Record<OrderStatus, boolean> = {
  pending: false,
  to_ship: false,
  partially_shipped: false,
  unknown: false,
  cancelled: true,
  shipped: true,
  delivered: true,
  partially_delivered: true,
};

/** Every normalized status (capture maps anything else to `unknown`). */
export const ORDER_STATUSES = Object.keys(CLOSED) as readonly OrderStatus[];
/** Statuses that can no longer miss a ship-by time. */
const CLOSED_STATUSES: readonly OrderStatus[] = ORDER_STATUSES.filter((s) => CLOSED[s]);
/** Statuses that can still miss one ("ship by today" lists only these). */
export const OPEN_STATUSES: readonly OrderStatus[] = ORDER_STATUSES.filter((s) => !CLOSED[s]);

type FilterFacts = Pick<OrderRecord, 'orderSn' | 'shopId' | 'status' | 'shipBy' | 'shippedAt' | 'exportedAt'>;

/** Normalized order-number search text (order numbers are upper-case "PO-…" digits). */
export function normalizeOrderSnQuery(query: string): string {
  return query.trim().toUpperCase();
}

export function isToShip(order: FilterFacts): boolean {
  return order.shippedAt === null && TO_SHIP_STATUSES.includes(order.status);
}

/** Not shipped, not closed, and its ship-by time falls before the end of the seller's today. */
export function isShipByDue(order: FilterFacts, endOfToday: number): boolean {
  return order.shipBy !== null && order.shipBy < endOfToday && order.shippedAt === null && !CLOSED_STATUSES.includes(order.status);
}

/** The whole filter as one predicate (the reference the indexed query must agree with). */
export function createOrderPredicate(filter: OrderFilter, now: number): (order: FilterFacts) => boolean {
  const endOfToday = endOfLocalDay(now, filter.utcOffsetMinutes);
  const query = normalizeOrderSnQuery(filter.orderSnQuery);
  const only = filter.orderSns === undefined ? null : new Set(filter.orderSns);
  return (order) =>
    (only === null || only.has(order.orderSn)) &&
    (filter.shopId === undefined || order.shopId === filter.shopId) &&
    (!filter.toShip || isToShip(order)) &&
    (!filter.notExported || order.exportedAt === null) &&
    (!filter.shipByDue || isShipByDue(order, endOfToday)) &&
    (query === '' || order.orderSn.toUpperCase().includes(query));
}

/** List order: newest capture first, ties by order number descending (what the capturedAt index gives reversed). */
export function compareListOrder(a: Pick<OrderRecord, 'capturedAt' | 'orderSn'>, b: Pick<OrderRecord, 'capturedAt' | 'orderSn'>): number {
  if (a.capturedAt !== b.capturedAt) return b.capturedAt - a.capturedAt;
  return a.orderSn < b.orderSn ? 1 : a.orderSn > b.orderSn ? -1 : 0;
}
