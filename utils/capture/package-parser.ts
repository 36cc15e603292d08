import { z } from '../validation/zod';
import type { PackageFact } from '../db/records';
import { toCamelKeys } from './camel-keys';
import { CaptureRejection } from './capture-rejection';
import { packageFacts } from './package-facts';
import { requireSuccessfulAnswer, sellerCenterEnvelopeSchema } from './seller-center-answer';

const orderNumber = z.string().check(z.regex(/^[A-Za-z0-9][A-Za-z0-9-]{2,63}$/));
const MAX_PACKAGES = 1000;

/** `POST /mms/eagle/package/main_batch_query` after toCamelKeys (shape: tests/fixtures/seller-center-shapes). */
const packageQuerySchema = z.extend(sellerCenterEnvelopeSchema, {
  result: z.nullish(
    z.object({
      packageInfoResultList: z.pipe(
        z.nullish(
          z
            .array(
              z.object({
                packageSn: z.catch(z.nullish(z.string().check(z.maxLength(64))), null),
                trackingNumber: z.catch(z.nullish(z.string().check(z.maxLength(64))), null),
                shippingCompanyName: z.catch(z.nullish(z.string().check(z.maxLength(100))), null),
                shipCompanyName: z.catch(z.nullish(z.string().check(z.maxLength(100))), null),
                companyName: z.catch(z.nullish(z.string().check(z.maxLength(100))), null),
                orderSendInfoList: z.catch(z.nullish(z.array(z.object({ parentOrderSn: z.catch(z.nullish(orderNumber), null) })).check(z.maxLength(500))), null),
              }),
            )
            .check(z.maxLength(MAX_PACKAGES)),
        ),
        z.transform((list) => list ?? []),
      ),
    }),
  ),
});

/** Packages by parent order number, from one package query answer. */
export function parsePackageQuery(body: unknown): Map<string, PackageFact[]> {
  const res = packageQuerySchema.safeParse(toCamelKeys(body));
  if (!res.success) throw new CaptureRejection('invalid-shape', 'packages: unexpected response shape');
  requireSuccessfulAnswer('packages', res.data);
  const byOrder = new Map<string, PackageFact[]>();
  for (const p of res.data.result?.packageInfoResultList ?? []) {
    const fact: PackageFact = {
      packageSn: p.packageSn ?? null,
      trackingNumber: p.trackingNumber ?? null,
      carrier: p.shippingCompanyName ?? p.shipCompanyName ?? p.companyName ?? null,
    };
    for (const info of p.orderSendInfoList ?? []) {
      if (!info.parentOrderSn) continue;
      byOrder.set(info.parentOrderSn, [...(byOrder.get(info.parentOrderSn) ?? []), fact]);
    }
  }
  return new Map([...byOrder].map(([sn, facts]) => [sn, packageFacts(facts)]));
}

/** `POST /mms/eagle/package/online/batch_send` request body: which parent orders the seller ships. */
const shipRequestSchema = z.object({
  sendRequestList: z
    .array(
      z.object({
        trackingNumber: z.catch(z.nullish(z.string().check(z.maxLength(64))), null),
        orderSendInfoList: z.array(z.object({ parentOrderSn: orderNumber })).check(z.maxLength(500)),
      }),
    )
    .check(z.minLength(1), z.maxLength(500)),
});

export interface ShipAction {
  /** Parent orders the answer confirms as shipped, with the tracking number the seller entered. */
  shipped: { orderSn: string; packages: PackageFact[] }[];
}

/**
 * The ship action: the request names the orders, the answer says whether it worked. A successful
 * answer is the true shipping instant (the 28-day clock starts at capture time, `now`); an error
 * answer ships nothing.
 */
export function parseShipAction(requestJson: string | null, body: unknown): ShipAction {
  const answer = sellerCenterEnvelopeSchema.safeParse(toCamelKeys(body));
  if (!answer.success) throw new CaptureRejection('invalid-shape', 'ship action: unexpected response shape');
  requireSuccessfulAnswer('ship action', answer.data);
  let request: unknown;
  try {
    request = requestJson === null ? null : JSON.parse(requestJson);
  } catch {
    throw new CaptureRejection('malformed-json', 'ship action: the request body is not JSON');
  }
  const parsed = shipRequestSchema.safeParse(toCamelKeys(request));
  if (!parsed.success) throw new CaptureRejection('invalid-shape', 'ship action: the request names no orders');
  const byOrder = new Map<string, PackageFact[]>();
  for (const send of parsed.data.sendRequestList) {
    for (const info of send.orderSendInfoList) {
      byOrder.set(info.parentOrderSn, [...(byOrder.get(info.parentOrderSn) ?? []), { packageSn: null, trackingNumber: send.trackingNumber ?? null, carrier: null }]);
    }
  }
  return { shipped: [...byOrder].map(([orderSn, packages]) => ({ orderSn, packages: packageFacts(packages) })) };
}
