import { z } from 'zod';
import type { AddressSource, CapturedAddress } from '../vault/buyer-pii';
import { toCamelKeys } from './camel-keys';
import { CaptureRejection } from './capture-rejection';
import { normalizeAddress } from './address-normalizer';
import { type PageZone, pickSellerCenterTime } from '../time/seller-center-time';
import type { CapturedOrder } from './order-list-parser';
import { SHIPPED_STATUSES, statusFromCode } from './order-status';

export type AddressKind = 'address' | 'orderDetail' | 'addressDom';

export interface ParsedAddresses {
  addresses: CapturedAddress[];
  skipped: { reason: string; count: number }[];
  /** Non-personal order facts found with the address (detail page): status and earliest shipment. */
  orderFacts: CapturedOrder[];
}

/** Capture time and the page's zone, to read time strings (rawData send times). */
export interface AddressParseTime {
  now: number;
  zone: PageZone;
}

const orderNumber = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9-]{2,63}$/);
const OK_CODES = new Set([0, 1000000]);

/** `order_shipping_address_query` response: `result` is one address (or, defensively, a list). */
const addressApiSchema = z.object({
  success: z.boolean().nullish(),
  errorCode: z.union([z.number(), z.string()]).nullish(),
  result: z.union([z.record(z.string(), z.unknown()), z.array(z.record(z.string(), z.unknown())).max(1000)]).nullish(),
});
/** A package of the detail page: when it left (local "YYYY-MM-DD HH:mm:ss", or unix s/ms). */
const packageSchema = z.object({ sendTime: z.union([z.number(), z.string()]).nullish(), sendTimeStr: z.string().max(64).nullish() });
/** Detail page `window.rawData` (camelCase; the parts that locate the address and date its shipment). */
const rawDataSchema = z.object({
  store: z.object({
    parentOrderMap: z
      .object({
        parentOrderSn: orderNumber,
        parentOrderStatus: z.number().int().nullish().catch(null),
        // A malformed package list dates nothing rather than rejecting the address.
        localPackageInfoList: z.array(packageSchema).max(1000).nullish().catch(null),
      })
      .nullish(),
    shippingInfo: z.record(z.string(), z.unknown()).nullish(),
  }),
});
/** What the isolated content script extracted from the visible address block. */
const domSchema = z.object({ parentOrderSn: orderNumber, address: z.record(z.string(), z.unknown()) });

const SOURCE_BY_KIND: Record<AddressKind, AddressSource> = { address: 'api', orderDetail: 'rawData', addressDom: 'dom' };

/**
 * Status (if given) and the earliest package send time of a detail page's order; a shipped status
 * without any time counts from capture (decision "Shipping clock"). Null when there is nothing.
 */
function shippingFactsOf(map: z.infer<typeof rawDataSchema>['store']['parentOrderMap'], orderSn: string, time: AddressParseTime | undefined): CapturedOrder | null {
  if (!map || !time) return null;
  const statusCode = map.parentOrderStatus ?? null;
  const status = statusFromCode(statusCode);
  const sent = (map.localPackageInfoList ?? []).map((p) => pickSellerCenterTime([p.sendTime, p.sendTimeStr], time.zone)).filter((t) => t !== null);
  let shippedAt = sent.length > 0 ? Math.min(...sent.map((t) => t.at)) : null;
  if (shippedAt === null && SHIPPED_STATUSES.includes(status)) shippedAt = time.now;
  if (shippedAt === null && status === 'unknown') return null;
  return {
    orderSn,
    status,
    statusCode: status === 'unknown' ? null : statusCode,
    createdAt: null,
    shipBy: null,
    shippedAt,
    deliveredAt: null,
    timesUncertain: sent.some((t) => t.uncertain),
    items: [],
  };
}

/**
 * Reads buyer addresses from one of the three sources. `orderSnHint` is the order number the page
 * asked about (request body or URL), used when the answer itself does not name the order.
 * `time` (capture time, page zone) is needed to date the detail page's shipment.
 */
export function parseAddressPayload(kind: AddressKind, body: unknown, shopId: string, orderSnHint: string | null, time?: AddressParseTime): ParsedAddresses {
  const camel = toCamelKeys(body);
  const found: { orderSn: string | null; raw: unknown }[] = [];
  const orderFacts: CapturedOrder[] = [];

  if (kind === 'address') {
    const res = addressApiSchema.safeParse(camel);
    if (!res.success) throw new CaptureRejection('invalid-shape', 'address: unexpected response shape');
    const code = res.data.errorCode == null ? null : Number(res.data.errorCode);
    if (code === 40001) throw new CaptureRejection('login-expired', 'The seller center says the login has expired (40001)');
    if (res.data.success === false || (code !== null && !OK_CODES.has(code))) throw new CaptureRejection('api-error', `The seller center answered an error (${code ?? 'no code'})`);
    const results = res.data.result == null ? [] : Array.isArray(res.data.result) ? res.data.result : [res.data.result];
    // The hint names the one order the page asked about: it cannot tell entries of a list apart.
    const hint = results.length === 1 ? orderSnHint : null;
    for (const r of results) found.push({ orderSn: typeof r.parentOrderSn === 'string' ? r.parentOrderSn : hint, raw: r });
  } else if (kind === 'orderDetail') {
    const res = rawDataSchema.safeParse(camel);
    if (!res.success) throw new CaptureRejection('invalid-shape', 'orderDetail: rawData.store missing');
    const orderSn = res.data.store.parentOrderMap?.parentOrderSn ?? orderSnHint;
    if (res.data.store.shippingInfo) found.push({ orderSn, raw: res.data.store.shippingInfo });
    const facts = orderSn ? shippingFactsOf(res.data.store.parentOrderMap, orderSn, time) : null;
    if (facts) orderFacts.push(facts);
  } else {
    const res = domSchema.safeParse(camel);
    if (!res.success) throw new CaptureRejection('invalid-shape', 'addressDom: unexpected shape');
    found.push({ orderSn: res.data.parentOrderSn, raw: res.data.address });
  }

  const addresses: CapturedAddress[] = [];
  const skipped = new Map<string, number>();
  const skip = (reason: string) => skipped.set(reason, (skipped.get(reason) ?? 0) + 1);
  for (const { orderSn, raw } of found) {
    if (!orderSn || !orderNumber.safeParse(orderSn).success) {
      skip('no-order');
      continue;
    }
    const outcome = normalizeAddress(raw, orderSn, shopId, SOURCE_BY_KIND[kind]);
    if (outcome.ok) addresses.push(outcome.address);
    else skip(outcome.reason);
  }
  return { addresses, skipped: [...skipped].map(([reason, count]) => ({ reason, count })), orderFacts };
}
