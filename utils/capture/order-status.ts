import type { OrderStatus } from '../db/records';

/** parentOrderStatus codes (reference: 1 pending, 2 to ship, 3 cancelled, 4 shipped, 5 delivered, 41/51 partial). */
const STATUS_BY_CODE: Record<number, OrderStatus> = {
  1: 'pending',
  2: 'to_ship',
  3: 'cancelled',
  4: 'shipped',
  5: 'delivered',
  41: 'partially_shipped',
  51: 'partially_delivered',
};

export function statusFromCode(code: number | null): OrderStatus {
  return code !== null && Object.hasOwn(STATUS_BY_CODE, code) ? STATUS_BY_CODE[code]! : 'unknown';
}

/** Statuses in which at least one package has left: the 28-day clock has started. */
export const SHIPPED_STATUSES: readonly OrderStatus[] = ['partially_shipped', 'shipped', 'partially_delivered', 'delivered'];
export const TO_SHIP_STATUSES: readonly OrderStatus[] = ['to_ship', 'partially_shipped'];
export const SHIPPED_SUMMARY_STATUSES: readonly OrderStatus[] = ['shipped', 'partially_delivered', 'delivered'];

/** Forward order of fulfilment; `cancelled` and `unknown` are handled apart. */
const PROGRESS: Record<OrderStatus, number> = {
  unknown: -1,
  pending: 0,
  to_ship: 1,
  partially_shipped: 2,
  shipped: 3,
  partially_delivered: 4,
  delivered: 5,
  cancelled: 6,
};

/**
 * Status after a re-capture. A capture never moves an order backwards (a stale cached page must
 * not un-ship an order whose 28-day clock runs), `unknown` never overwrites a known status, and
 * cancellation is always taken (it only brings the purge forward).
 */
export function mergeStatus(current: OrderStatus, captured: OrderStatus): OrderStatus {
  if (captured === 'unknown') return current;
  if (current === 'unknown' || captured === 'cancelled') return captured;
  if (current === 'cancelled') return current;
  return PROGRESS[captured] >= PROGRESS[current] ? captured : current;
}
