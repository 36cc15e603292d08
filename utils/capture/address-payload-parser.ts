import { z } from 'zod';
import type { AddressSource, CapturedAddress } from './buyer-pii';
import { toCamelKeys } from './camel-keys';
import { CaptureRejection } from './capture-rejection';
import { normalizeAddress } from './address-normalizer';

export type AddressKind = 'address' | 'orderDetail' | 'addressDom';

export interface ParsedAddresses {
  addresses: CapturedAddress[];
  skipped: { reason: string; count: number }[];
}

const orderNumber = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9-]{2,63}$/);
const OK_CODES = new Set([0, 1000000]);

/** `order_shipping_address_query` response: `result` is one address (or, defensively, a list). */
const addressApiSchema = z.object({
  success: z.boolean().nullish(),
  errorCode: z.union([z.number(), z.string()]).nullish(),
  result: z.union([z.record(z.string(), z.unknown()), z.array(z.record(z.string(), z.unknown())).max(1000)]).nullish(),
});
/** Detail page `window.rawData` (camelCase; only the parts that locate the address). */
const rawDataSchema = z.object({
  store: z.object({
    parentOrderMap: z.object({ parentOrderSn: orderNumber }).nullish(),
    shippingInfo: z.record(z.string(), z.unknown()).nullish(),
  }),
});
/** What the isolated content script extracted from the visible address block. */
const domSchema = z.object({ parentOrderSn: orderNumber, address: z.record(z.string(), z.unknown()) });

const SOURCE_BY_KIND: Record<AddressKind, AddressSource> = { address: 'api', orderDetail: 'rawData', addressDom: 'dom' };

/**
 * Reads buyer addresses from one of the three sources. `orderSnHint` is the order number the page
 * asked about (request body or URL), used when the answer itself does not name the order.
 */
export function parseAddressPayload(kind: AddressKind, body: unknown, shopId: string, orderSnHint: string | null): ParsedAddresses {
  const camel = toCamelKeys(body);
  const found: { orderSn: string | null; raw: unknown }[] = [];

  if (kind === 'address') {
    const res = addressApiSchema.safeParse(camel);
    if (!res.success) throw new CaptureRejection('invalid-shape', 'address: unexpected response shape');
    const code = res.data.errorCode == null ? null : Number(res.data.errorCode);
    if (code === 40001) throw new CaptureRejection('login-expired', 'The seller center says the login has expired (40001)');
    if (res.data.success === false || (code !== null && !OK_CODES.has(code))) throw new CaptureRejection('api-error', `The seller center answered an error (${code ?? 'no code'})`);
    const results = res.data.result == null ? [] : Array.isArray(res.data.result) ? res.data.result : [res.data.result];
    for (const r of results) found.push({ orderSn: typeof r.parentOrderSn === 'string' ? r.parentOrderSn : orderSnHint, raw: r });
  } else if (kind === 'orderDetail') {
    const res = rawDataSchema.safeParse(camel);
    if (!res.success) throw new CaptureRejection('invalid-shape', 'orderDetail: rawData.store missing');
    if (res.data.store.shippingInfo) found.push({ orderSn: res.data.store.parentOrderMap?.parentOrderSn ?? orderSnHint, raw: res.data.store.shippingInfo });
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
  return { addresses, skipped: [...skipped].map(([reason, count]) => ({ reason, count })) };
}
