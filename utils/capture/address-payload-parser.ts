import { z } from '../validation/zod';
import type { AddressSource, CapturedAddress } from '../vault/buyer-pii';
import { toCamelKeys } from './camel-keys';
import { CaptureRejection } from './capture-rejection';
import { requireSuccessfulAnswer, sellerCenterEnvelopeSchema } from './seller-center-answer';
import { normalizeAddress } from './address-normalizer';
import type { CountryAlpha2 } from '../geo/country-lookup';
import { type PageZone, pickSellerCenterTime } from '../time/seller-center-time';
import type { CapturedOrder } from './order-list-parser';
import { packageFacts } from './package-facts';
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

const orderNumber = z.string().check(z.regex(/^[A-Za-z0-9][A-Za-z0-9-]{2,63}$/));

/** `order_shipping_address_query` response: `result` is one address (or, defensively, a list). */
const addressApiSchema = z.extend(sellerCenterEnvelopeSchema, {
  result: z.nullish(z.union([z.record(z.string(), z.unknown()), z.array(z.record(z.string(), z.unknown())).check(z.maxLength(1000))])),
});
/** A package of the detail page: when it left (local "YYYY-MM-DD HH:mm:ss", or unix s/ms). */
const packageSchema = z.object({
  sendTime: z.nullish(z.union([z.number(), z.string()])),
  sendTimeStr: z.nullish(z.string().check(z.maxLength(64))),
  packageSn: z.catch(z.nullish(z.string().check(z.maxLength(64))), null),
  trackingNumber: z.catch(z.nullish(z.string().check(z.maxLength(64))), null),
});
/** Detail page `window.rawData` (camelCase; the parts that locate the address and date its shipment). */
const rawDataSchema = z.object({
  store: z.object({
    parentOrderMap: z.nullish(
      z.object({
        parentOrderSn: orderNumber,
        parentOrderStatus: z.catch(z.nullish(z.number().check(z.int())), null),
        // "Aug 19, 2026, 4:35 am PKT(UTC+5)": the zone is in the string (utils/time).
        localParentOrderTimeStr: z.catch(z.nullish(z.string().check(z.maxLength(64))), null),
        // A malformed package list dates nothing rather than rejecting the address.
        localPackageInfoList: z.catch(z.nullish(z.array(packageSchema).check(z.maxLength(1000))), null),
      }),
    ),
    shippingInfo: z.nullish(z.record(z.string(), z.unknown())),
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
  const created = pickSellerCenterTime([map.localParentOrderTimeStr], time.zone);
  if (shippedAt === null && status === 'unknown' && created === null) return null;
  return {
    orderSn,
    status,
    statusCode: status === 'unknown' ? null : statusCode,
    createdAt: created?.at ?? null,
    shipBy: null,
    shippedAt,
    deliveredAt: null,
    timesUncertain: sent.some((t) => t.uncertain) || (created?.uncertain ?? false),
    packages: packageFacts((map.localPackageInfoList ?? []).map((p) => ({ packageSn: p.packageSn ?? null, trackingNumber: p.trackingNumber ?? null, carrier: null }))),
    items: [],
  };
}

/**
 * Reads buyer addresses from one of the three sources. `orderSnHint` is the order number the page
 * asked about (request body or URL), used when the answer itself does not name the order.
 * `time` (capture time, page zone) is needed to date the detail page's shipment.
 */
export function parseAddressPayload(
  kind: AddressKind,
  body: unknown,
  shopId: string,
  orderSnHint: string | null,
  countryAlpha2: CountryAlpha2,
  time?: AddressParseTime,
): ParsedAddresses {
  const camel = toCamelKeys(body);
  const found: { orderSn: string | null; raw: unknown }[] = [];
  const orderFacts: CapturedOrder[] = [];

  if (kind === 'address') {
    const res = addressApiSchema.safeParse(camel);
    if (!res.success) throw new CaptureRejection('invalid-shape', 'address: unexpected response shape');
    requireSuccessfulAnswer('address', res.data);
    const results = res.data.result == null ? [] : Array.isArray(res.data.result) ? res.data.result : [res.data.result];
    // The hint names the one order the page asked about: it cannot tell entries of a list apart.
    const hint = results.length === 1 ? orderSnHint : null;
    for (const r of results) found.push({ orderSn: typeof r.parentOrderSn === 'string' ? r.parentOrderSn : hint, raw: r });
  } else if (kind === 'orderDetail') {
    const res = rawDataSchema.safeParse(camel);
    if (!res.success) throw new CaptureRejection('invalid-shape', 'orderDetail: rawData.store missing');
    // Page data counts only for the order the URL names (issue 10: a page script can set rawData).
    const named = res.data.store.parentOrderMap?.parentOrderSn ?? null;
    const orderSn = orderSnHint !== null && (named === null || named === orderSnHint) ? orderSnHint : null;
    if (orderSn === null) throw new CaptureRejection('invalid-shape', 'orderDetail: the page data names another order than the URL');
    if (res.data.store.shippingInfo) found.push({ orderSn, raw: res.data.store.shippingInfo });
    const facts = shippingFactsOf(res.data.store.parentOrderMap, orderSn, time);
    if (facts) orderFacts.push(facts);
  } else {
    const res = domSchema.safeParse(camel);
    if (!res.success) throw new CaptureRejection('invalid-shape', 'addressDom: unexpected shape');
    if (res.data.parentOrderSn !== orderSnHint) throw new CaptureRejection('invalid-shape', 'addressDom: the address names another order than the URL');
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
    const outcome = normalizeAddress(raw, orderSn, shopId, SOURCE_BY_KIND[kind], countryAlpha2);
    if (outcome.ok) addresses.push(outcome.address);
    else skip(outcome.reason);
  }
  return { addresses, skipped: [...skipped].map(([reason, count]) => ({ reason, count })), orderFacts };
}
