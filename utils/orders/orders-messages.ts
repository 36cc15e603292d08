import { z } from '../validation/zod';
import { shopIdSchema } from '../consent/consent-schema';
import type { OrderRecord } from '../db/records';
import { defineMessage } from '../messaging/define-message';
import { MAX_EXPORT_ORDERS } from './order-limits';

/** Rows in one `orders/page` answer (the virtual list asks for a screenful at a time). */
export const MAX_PAGE_ROWS = 500;
/** Order numbers in one `orders/keys` answer (select all / range select). */
export const MAX_KEYS = 100_000;
/** Stored addresses one buyer-name search opens at most (each is an audited decrypt). */
export const MAX_BUYER_SEARCH = 2000;

const orderSn = z.string().check(z.minLength(1), z.maxLength(64));
/** Order numbers of one export or mark-shipped call. */
export const orderSnsSchema = z.array(orderSn).check(z.minLength(1), z.maxLength(MAX_EXPORT_ORDERS));

/** The non-personal view of an order that popup lists show. */
export type OrderSummaryRow = Pick<
  OrderRecord,
  'orderSn' | 'shopId' | 'status' | 'createdAt' | 'shipBy' | 'shippedAt' | 'capturedAt' | 'exportedAt' | 'exportFormat' | 'piiState' | 'itemCount' | 'purgeAt'
> & {
  /** Tracking numbers with their carriers (non-personal). */
  packages: { trackingNumber: string; carrier: string | null }[];
  addressReview: OrderRecord['addressReview'];
  heldPageFact: OrderRecord['heldPageFact'];
  timesUncertain: boolean;
};

export interface OrdersSummary {
  total: number;
  toShip: number;
  shipped: number;
  latest: OrderSummaryRow[];
}

/**
 * The popup's list filter. Every field narrows the list (AND). `utcOffsetMinutes` is the page's
 * offset east of UTC, so "ship-by today" means the seller's today, not UTC's.
 */
export const orderFilterSchema = z.object({
  shopId: z.optional(shopIdSchema),
  toShip: z._default(z.boolean(), false),
  notExported: z._default(z.boolean(), false),
  shipByDue: z._default(z.boolean(), false),
  /** Part of an order number (case-insensitive). Order numbers are not PII. */
  orderSnQuery: z._default(z.string().check(z.maxLength(64)), ''),
  utcOffsetMinutes: z._default(z.number().check(z.int(), z.gte(-720), z.lte(840)), 0),
  /** Only these orders (the result of a buyer-name search: the name itself never leaves the page). */
  orderSns: z.optional(z.array(orderSn).check(z.maxLength(MAX_BUYER_SEARCH))),
});
export type OrderFilter = z.infer<typeof orderFilterSchema>;
export type OrderFilterInput = z.input<typeof orderFilterSchema>;

export interface OrderPage {
  /** Orders matching the filter (the list's scroll height); null when `withTotal: false` and counting needs a scan. */
  total: number | null;
  rows: OrderSummaryRow[];
}

export interface BuyerSearchReply {
  /** Matching orders, in list order; used as `filter.orderSns`. */
  orderSns: string[];
  /** Addresses opened to search. */
  searched: number;
  /** More stored addresses matched the filter than one search opens (MAX_BUYER_SEARCH). */
  truncated: boolean;
}

export interface MarkShippedReply {
  marked: string[];
  /** Already had a ship time: left unchanged (a ship time never moves later). */
  alreadyShipped: string[];
  unknown: string[];
}

export const ordersMessages = {
  'orders/summary': defineMessage(
    'page',
    z.object({ shopId: z.optional(shopIdSchema), limit: z._default(z.number().check(z.int(), z.gte(1), z.lte(200)), 20) }),
  ).returns<OrdersSummary>(),
  /** Paged, non-personal order list for the popup (index-backed; see utils/orders/order-page-query.ts). */
  'orders/page': defineMessage(
    'page',
    z.object({
      filter: orderFilterSchema,
      offset: z._default(z.number().check(z.int(), z.gte(0)), 0),
      limit: z._default(z.number().check(z.int(), z.gte(1), z.lte(MAX_PAGE_ROWS)), 100),
      /** false: answer the rows at once, total only when free (then ask `orders/count`). */
      withTotal: z._default(z.boolean(), true),
    }),
  ).returns<OrderPage>(),
  'orders/count': defineMessage('page', z.object({ filter: orderFilterSchema })).returns<number>(),
  /** Order numbers matching the filter, in list order (select all, shift-click range). */
  'orders/keys': defineMessage(
    'page',
    z.object({
      filter: orderFilterSchema,
      offset: z._default(z.number().check(z.int(), z.gte(0)), 0),
      limit: z._default(z.number().check(z.int(), z.gte(1), z.lte(MAX_KEYS)), MAX_KEYS),
    }),
  ).returns<string[]>(),
  /** Buyer-name search (vault unlocked): opens the filtered orders' addresses in the background, answers order numbers only. */
  'orders/find-by-buyer': defineMessage(
    'page',
    z.object({ query: z.string().check(z.trim(), z.minLength(2), z.maxLength(100)), filter: orderFilterSchema }),
  ).returns<BuyerSearchReply>(),
  /** Seller says these orders left: shippedAt = now where unset; purgeAt recomputed (never later). */
  'orders/mark-shipped': defineMessage('page', z.object({ orderSns: orderSnsSchema })).returns<MarkShippedReply>(),
  /**
   * A cancellation or shipping time the seller-center PAGE reported (rawData, visible list) that
   * would delete the stored address at once: applied only when the seller says so (`apply`), else
   * dismissed. Page scripts can forge page data; the seller can check the seller center.
   */
  'orders/resolve-page-fact': defineMessage('page', z.object({ orderSn: z.string().check(z.minLength(1), z.maxLength(64)), apply: z.boolean() })).returns<void>(),
};
