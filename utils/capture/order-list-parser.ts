import type { ItemRecord, OrderStatus, PackageFact } from '../db/records';
import { toCamelKeys } from './camel-keys';
import { MAX_PARENT_ORDERS } from './capture-limits';
import { CaptureRejection } from './capture-rejection';
import { requireSuccessfulAnswer } from './seller-center-answer';
import { type PageZone, pickSellerCenterTime } from '../time/seller-center-time';
import { orderListResponseSchema, pageItemSchema, type PageItemInput } from './order-list-schema';
import { SHIPPED_STATUSES, statusFromCode } from './order-status';
import { packageFacts } from './package-facts';

/** Non-personal facts of one parent order as read from one capture (before merging with storage). */
export interface CapturedOrder {
  orderSn: string;
  status: OrderStatus;
  statusCode: number | null;
  createdAt: number | null;
  shipBy: number | null;
  shippedAt: number | null;
  deliveredAt: number | null;
  /** A time string's zone was not known: its earliest possible reading was taken (never a later purge). */
  timesUncertain: boolean;
  /** Packages named with the order (tracking number, carrier); empty when none is shown. */
  packages: PackageFact[];
  items: ItemRecord[];
}

export interface ParseContext {
  /** Capture time: stands in for the shipping time of a shipped order that shows none. */
  now: number;
  /** The zone the page asked the seller center to write its time strings in. */
  zone: PageZone;
}

/**
 * Parses one order-list response into parent orders. All or nothing: one invalid order rejects
 * the page (the caller stores a page in one transaction, so nothing is half-written).
 */
export function parseOrderList(body: unknown, ctx: ParseContext): CapturedOrder[] {
  const camel = toCamelKeys(body);
  const envelope = orderListResponseSchema.safeParse(camel);
  if (!envelope.success) throw new CaptureRejection('invalid-shape', `order list: ${firstIssue(envelope.error.issues)}`);
  requireSuccessfulAnswer('order list', envelope.data);
  const { result } = envelope.data;
  if (!result) throw new CaptureRejection('invalid-shape', 'order list: no result');
  if (result.pageItems.length > MAX_PARENT_ORDERS) {
    throw new CaptureRejection('too-many-orders', `order list: ${result.pageItems.length} parent orders (limit ${MAX_PARENT_ORDERS})`);
  }

  const byOrderSn = new Map<string, CapturedOrder>();
  result.pageItems.forEach((raw, index) => {
    const parsed = pageItemSchema.safeParse(raw);
    if (!parsed.success) throw new CaptureRejection('invalid-shape', `order list: pageItems.${index}: ${firstIssue(parsed.error.issues)}`);
    const order = toCapturedOrder(parsed.data, ctx);
    // The same parent order twice on one page: the later row wins, items merge by sub-order number.
    const earlier = byOrderSn.get(order.orderSn);
    if (earlier) {
      order.items = mergeItems(earlier.items, order.items);
      order.packages = packageFacts([...earlier.packages, ...order.packages]);
    }
    byOrderSn.set(order.orderSn, order);
  });
  return [...byOrderSn.values()];
}

function toCapturedOrder(item: PageItemInput, ctx: ParseContext): CapturedOrder {
  const p = item.parentOrderMap;
  const statusCode = p.parentOrderStatus ?? null;
  const status = statusFromCode(statusCode);
  let uncertain = false;
  const time = (candidates: readonly unknown[]): number | null => {
    const read = pickSellerCenterTime(candidates, ctx.zone);
    if (read?.uncertain) uncertain = true;
    return read?.at ?? null;
  };
  let shippedAt = time([p.parentShippingTime, p.parentShippingTimeStr]);
  // Shipped without a time: count from now (conservative: the clock can only start earlier later).
  if (shippedAt === null && SHIPPED_STATUSES.includes(status)) shippedAt = ctx.now;
  const items = mergeItems(
    [],
    item.orderList.map((s) => ({
      orderSn: p.parentOrderSn,
      subOrderSn: s.orderSn,
      // The seller's own code first (`extCodeList` can be [""]), then the platform SKU id.
      sku: [...(s.extCodeList ?? []), ...(s.productList ?? []).map((p) => p.extCode ?? '')].find((c) => c.trim() !== '')?.trim() ?? s.skuId ?? s.productSkuIdList?.[0] ?? null,
      goodsId: s.goodsId ?? null,
      title: s.goodsName ?? '',
      spec: s.spec ?? null,
      quantity: s.quantity ?? s.originQuantity ?? 0,
      cancelledQuantity: s.cancelQuantity ?? s.canceledQuantityBeforeShipment ?? 0,
      statusCode: s.orderStatus ?? null,
    })),
  );
  return {
    orderSn: p.parentOrderSn,
    status,
    statusCode,
    createdAt: time([p.parentOrderTime, p.parentOrderTimeStr]),
    shipBy: time([p.expectShipLatestTime, p.expectShipLatestTimeStr]),
    shippedAt,
    deliveredAt: time([p.parentReceiptTime, p.parentReceiptTimeStr]),
    timesUncertain: uncertain,
    packages: packageFacts(
      item.orderList.flatMap((s) => [
        ...(s.orderPackageInfoList ?? []).map((p) => ({
          packageSn: p.packageSn ?? null,
          trackingNumber: p.trackingNumber ?? null,
          carrier: p.companyName ?? p.shippingCompanyName ?? p.shipCompanyName ?? null,
        })),
        ...(s.packageSnInfo ?? []).map((p) => ({ packageSn: p.packageSn ?? null, trackingNumber: null, carrier: null })),
      ]),
    ),
    items,
  };
}

function mergeItems(a: ItemRecord[], b: ItemRecord[]): ItemRecord[] {
  const bySub = new Map(a.map((i) => [i.subOrderSn, i]));
  for (const i of b) bySub.set(i.subOrderSn, i);
  return [...bySub.values()];
}

function firstIssue(issues: readonly { path: PropertyKey[]; message: string }[]): string {
  const i = issues[0];
  return i ? `${i.path.map(String).join('.')}: ${i.message}` : 'invalid';
}
