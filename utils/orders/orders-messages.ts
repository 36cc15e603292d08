import { z } from 'zod';
import { shopIdSchema } from '../consent/consent-schema';
import type { ShipmentLabel } from '../export/shipment-label';
import { EXPORT_FORMATS } from '../export/shipment-label';
import type { Settings } from '../settings/settings-schema';
import { defineMessage } from '../messaging/define-message';
import type { OrderSummaryRow } from '../capture/capture-messages';

/** Order numbers in one export/mark-shipped call (a seller's busiest day, with headroom). */
export const MAX_EXPORT_ORDERS = 2000;
/** Rows in one `orders/page` answer (the virtual list asks for a screenful at a time). */
export const MAX_PAGE_ROWS = 500;
/** Order numbers in one `orders/keys` answer (select all / range select). */
export const MAX_KEYS = 100_000;
/** Stored addresses one buyer-name search opens at most (each is an audited decrypt). */
export const MAX_BUYER_SEARCH = 2000;

const orderSn = z.string().min(1).max(64);
const orderSns = z.array(orderSn).min(1).max(MAX_EXPORT_ORDERS);

/**
 * The popup's list filter. Every field narrows the list (AND). `tzOffsetMinutes` is the page's
 * `Date#getTimezoneOffset()`, so "ship-by today" means the seller's today, not UTC's.
 */
export const orderFilterSchema = z.object({
  shopId: shopIdSchema.optional(),
  toShip: z.boolean().default(false),
  notExported: z.boolean().default(false),
  shipByDue: z.boolean().default(false),
  /** Part of an order number (case-insensitive). Order numbers are not PII. */
  orderSnQuery: z.string().max(64).default(''),
  tzOffsetMinutes: z.number().int().min(-900).max(900).default(0),
  /** Only these orders (the result of a buyer-name search: the name itself never leaves the page). */
  orderSns: z.array(orderSn).max(MAX_BUYER_SEARCH).optional(),
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

export const exportFormatSchema = z.enum(EXPORT_FORMATS);

export type ExportSkipReason = 'unknown-order' | 'no-buyer-data' | 'cannot-decrypt';

/** What an extension page needs to render one export; never persisted. */
export interface PreparedExport {
  labels: ShipmentLabel[];
  /** Requested orders left out of the file, with the reason (shown to the seller). */
  skipped: { orderSn: string; reason: ExportSkipReason }[];
  /** Rendering settings at the time of the export. */
  labelSheetLayout: Settings['labelSheetLayout'];
  csvCustomColumns: Settings['csvCustomColumns'];
  /** Start of the export (file names, audit). */
  at: number;
}

export interface ExportRecordReply {
  exportId: number;
  purgeAt: number;
}

export interface MarkShippedReply {
  marked: string[];
  /** Already had a ship time: left unchanged (a ship time never moves later). */
  alreadyShipped: string[];
  unknown: string[];
}

export const exportMessages = {
  /** Paged, non-personal order list for the popup (index-backed; see utils/orders/order-page-query.ts). */
  'orders/page': defineMessage(
    'page',
    z.object({
      filter: orderFilterSchema,
      offset: z.number().int().min(0).default(0),
      limit: z.number().int().min(1).max(MAX_PAGE_ROWS).default(100),
      /** false: answer the rows at once, total only when free (then ask `orders/count`). */
      withTotal: z.boolean().default(true),
    }),
  ).returns<OrderPage>(),
  'orders/count': defineMessage('page', z.object({ filter: orderFilterSchema })).returns<number>(),
  /** Order numbers matching the filter, in list order (select all, shift-click range). */
  'orders/keys': defineMessage(
    'page',
    z.object({ filter: orderFilterSchema, offset: z.number().int().min(0).default(0), limit: z.number().int().min(1).max(MAX_KEYS).default(MAX_KEYS) }),
  ).returns<string[]>(),
  /** Buyer-name search (vault unlocked): opens the filtered orders' addresses in the background, answers order numbers only. */
  'orders/find-by-buyer': defineMessage('page', z.object({ query: z.string().trim().min(2).max(100), filter: orderFilterSchema })).returns<BuyerSearchReply>(),
  /** Opens buyer PII for an export (purges due PII first), joins items + return address; one audit entry. */
  'export/prepare': defineMessage('page', z.object({ orderSns, format: exportFormatSchema })).returns<PreparedExport>(),
  /** Tracks a written file (downloadId null for the print view) and marks its orders exported. */
  'export/record': defineMessage(
    'page',
    z.object({
      downloadId: z.number().int().min(0).nullable(),
      /** File names never hold PII (utils/export/file-names.ts). */
      fileName: z.string().max(255),
      format: exportFormatSchema,
      orderSns,
      /** The page could neither track nor remove the file: keep it as a live export due now, so the retention sweep deletes it. */
      dueNow: z.boolean().optional(),
    }),
  ).returns<ExportRecordReply>(),
  /** Seller says these orders left: shippedAt = now where unset; purgeAt recomputed (never later). */
  'orders/mark-shipped': defineMessage('page', z.object({ orderSns })).returns<MarkShippedReply>(),
};
