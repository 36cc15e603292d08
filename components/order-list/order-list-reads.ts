import type { OrderFilterInput } from '../../utils/orders/orders-messages';
import { runtimeUtcOffsetMinutes } from '../../utils/time/local-day';
import { prefetchRead } from '../common/shared-reads';

/** Rows per `orders/page` request: a few screens of the virtual list. */
export const ORDER_PAGE_SIZE = 100;

/** What the popup's filter chips, shop picker and search box hold. */
export interface OrderFilterState {
  toShip: boolean;
  notExported: boolean;
  shipByDue: boolean;
  shopId: string;
  orderSnQuery: string;
}

export const INITIAL_FILTER: OrderFilterState = { toShip: false, notExported: false, shipByDue: false, shopId: '', orderSnQuery: '' };

/** The default view when orders are due today or overdue (issue 14). */
export const DUE_FILTER: OrderFilterState = { ...INITIAL_FILTER, shipByDue: true };

/** The chips and shop picker as a background filter (the search box is added by the list). */
export function chipFilter(state: OrderFilterState): OrderFilterInput {
  return {
    toShip: state.toShip,
    notExported: state.notExported,
    shipByDue: state.shipByDue,
    ...(state.shopId ? { shopId: state.shopId } : {}),
    utcOffsetMinutes: runtimeUtcOffsetMinutes(),
  };
}

/** The list's filter for an order-number search (or none): chips + the search text. */
export function listFilter(state: OrderFilterState): OrderFilterInput {
  return { ...chipFilter(state), orderSnQuery: state.orderSnQuery.trim() };
}

/** One page of rows; the total comes from `orders/count` (a scan at 100,000 orders). */
export function pageRequest(filter: OrderFilterInput, page: number) {
  return { filter, offset: page * ORDER_PAGE_SIZE, limit: ORDER_PAGE_SIZE, withTotal: false };
}

/**
 * The reads the list's first screen waits on, sent from the popup's entry before React loads
 * (issue 11 item 4): the due count that picks the opening view (issue 14), and the first page of
 * both possible views, so the first rows of the view chosen are already on their way when the
 * count answers (count and page in parallel, not one after the other).
 */
export function prefetchFirstView(): void {
  const due = listFilter(DUE_FILTER);
  prefetchRead('orders/count', { filter: due });
  prefetchRead('orders/page', pageRequest(due, 0));
  prefetchRead('orders/page', pageRequest(listFilter(INITIAL_FILTER), 0));
}
