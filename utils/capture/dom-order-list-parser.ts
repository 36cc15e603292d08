import { z } from '../validation/zod';
import type { OrderStatus } from '../db/records';
import { type PageZone, readSellerCenterTime } from '../time/seller-center-time';
import { toCamelKeys } from './camel-keys';
import { MAX_PARENT_ORDERS } from './capture-limits';
import { CaptureRejection } from './capture-rejection';
import type { CapturedOrder } from './order-list-parser';

/**
 * The visible order list read by the content script on a cold load (issue 10: some builds send
 * the first page before any hook runs, or from a Web Worker). Non-personal facts only: order
 * number, status as shown, ship-by as shown. Page-controlled: stored with `trust: 'page'`.
 */
const domListSchema = z.object({
  orders: z
    .array(
      z.object({
        parentOrderSn: z.string().check(z.regex(/^PO-\d{2,4}-\d{5,20}$/)),
        statusText: z.nullish(z.string().check(z.maxLength(100))),
        shipByText: z.nullish(z.string().check(z.maxLength(100))),
      }),
    )
    .check(z.maxLength(MAX_PARENT_ORDERS)),
});

/** Status words the seller center shows in English and Chinese (lower-cased, trimmed). */
const STATUS_BY_TEXT: Record<string, OrderStatus> = {
  'to ship': 'to_ship',
  'awaiting shipment': 'to_ship',
  'pending shipment': 'to_ship',
  待发货: 'to_ship',
  shipped: 'shipped',
  已发货: 'shipped',
  'partially shipped': 'partially_shipped',
  部分发货: 'partially_shipped',
  delivered: 'delivered',
  已签收: 'delivered',
  已送达: 'delivered',
  'partially delivered': 'partially_delivered',
  部分签收: 'partially_delivered',
  cancelled: 'cancelled',
  canceled: 'cancelled',
  已取消: 'cancelled',
  pending: 'pending',
  待处理: 'pending',
};

export function statusFromText(text: string | null | undefined): OrderStatus {
  const key = (text ?? '').trim().toLowerCase();
  return Object.hasOwn(STATUS_BY_TEXT, key) ? STATUS_BY_TEXT[key]! : 'unknown';
}

export function parseDomOrderList(body: unknown, zone: PageZone): CapturedOrder[] {
  const res = domListSchema.safeParse(toCamelKeys(body));
  if (!res.success) throw new CaptureRejection('invalid-shape', 'orderListDom: unexpected shape');
  const byOrderSn = new Map<string, CapturedOrder>();
  for (const row of res.data.orders) {
    const shipBy = readSellerCenterTime(row.shipByText ?? null, zone);
    byOrderSn.set(row.parentOrderSn, {
      orderSn: row.parentOrderSn,
      status: statusFromText(row.statusText),
      statusCode: null,
      createdAt: null,
      shipBy: shipBy?.at ?? null,
      shippedAt: null,
      deliveredAt: null,
      timesUncertain: shipBy?.uncertain ?? false,
      packages: [],
      items: [],
    });
  }
  return [...byOrderSn.values()];
}
