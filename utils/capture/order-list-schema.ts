import { z } from '../validation/zod';
import { sellerCenterEnvelopeSchema } from './seller-center-answer';

/**
 * The order-list response (`POST /kirogi/bg/mms/recentOrderList`) after `toCamelKeys`.
 * Tolerant by design (reference: unknown fields ignored, known fields validated): z.object strips
 * unknown keys; identifiers are format-checked so markup or junk never becomes a key.
 */

/** "PO-211-01861395087993272"; sub-orders "211-21905473070712792". Letters allowed for other regions. */
const orderNumber = z.string().check(z.regex(/^[A-Za-z0-9][A-Za-z0-9-]{2,63}$/, 'order number must be letters, digits and dashes'));
const idLike = z.pipe(z.union([z.string().check(z.regex(/^[A-Za-z0-9_.-]{1,64}$/)), z.number().check(z.int(), z.nonnegative())]), z.transform(String));
const looseInt = z.union([z.number().check(z.int()), z.pipe(z.string().check(z.regex(/^-?\d{1,12}$/)), z.transform(Number))]);
const count = z.union([z.number().check(z.int(), z.gte(0), z.lte(1_000_000)), z.pipe(z.string().check(z.regex(/^\d{1,7}$/)), z.transform(Number))]);
const timeValue = z.nullish(z.union([z.number(), z.string().check(z.maxLength(40))]));
/** Free text shown to the seller (titles, specs): plain text only, length-capped; never rendered as HTML. */
const text = (max: number) =>
  z.pipe(
    z.string(),
    z.transform((s) => s.slice(0, max)),
  );

/** One package of a line or order: number, tracking number, carrier (seller-center and package-API spellings). */
export const packageInfoSchema = z.object({
  packageSn: z.catch(z.nullish(z.string().check(z.maxLength(64))), null),
  trackingNumber: z.catch(z.nullish(z.string().check(z.maxLength(64))), null),
  companyName: z.catch(z.nullish(z.string().check(z.maxLength(100))), null),
  shippingCompanyName: z.catch(z.nullish(z.string().check(z.maxLength(100))), null),
  shipCompanyName: z.catch(z.nullish(z.string().check(z.maxLength(100))), null),
});

export const subOrderSchema = z.object({
  orderSn: orderNumber,
  goodsId: z.nullish(idLike),
  skuId: z.nullish(idLike),
  goodsName: z.nullish(text(500)),
  spec: z.nullish(text(300)),
  orderStatus: z.nullish(looseInt),
  quantity: z.nullish(count),
  originQuantity: z.nullish(count),
  cancelQuantity: z.nullish(count),
  /** The Open API's name for the same count. */
  canceledQuantityBeforeShipment: z.nullish(count),
  /** String ids (seen); used for the SKU when no seller code is set. */
  productSkuIdList: z.catch(z.nullish(z.array(idLike).check(z.maxLength(50))), null),
  /** `null` while the line has not shipped (seen), a list after. */
  orderPackageInfoList: z.catch(z.nullish(z.array(packageInfoSchema).check(z.maxLength(50))), null),
  /** Seller's own SKU codes; the first is the label SKU. */
  extCodeList: z.nullish(z.array(z.string().check(z.maxLength(100))).check(z.maxLength(50))),
  /** The Open API's spelling: the seller's SKU code is `productList[].extCode` (issue 12). */
  productList: z.catch(
    z.nullish(z.array(z.object({ extCode: z.catch(z.nullish(z.string().check(z.maxLength(100))), null), productSkuId: z.catch(z.nullish(idLike), null) })).check(z.maxLength(50))),
    null,
  ),
  /** The Open API's packages of a line (package number only; tracking comes with the package APIs). */
  packageSnInfo: z.catch(z.nullish(z.array(z.object({ packageSn: z.catch(z.nullish(z.string().check(z.maxLength(64))), null) })).check(z.maxLength(50))), null),
});

export const parentOrderMapSchema = z.object({
  parentOrderSn: orderNumber,
  parentOrderStatus: z.nullish(looseInt),
  parentOrderTime: timeValue,
  parentOrderTimeStr: timeValue,
  expectShipLatestTime: timeValue,
  expectShipLatestTimeStr: timeValue,
  parentShippingTime: timeValue,
  parentShippingTimeStr: timeValue,
  parentReceiptTime: timeValue,
  parentReceiptTimeStr: timeValue,
});

export const pageItemSchema = z.object({
  parentOrderMap: parentOrderMapSchema,
  orderList: z._default(z.array(subOrderSchema).check(z.maxLength(500)), []),
});

export const orderListResponseSchema = z.extend(sellerCenterEnvelopeSchema, {
  result: z.nullish(
    z.object({
      totalItemNum: z.nullish(looseInt),
      // Past the last page the seller center answers `pageItems: null` (seen in public crawlers).
      pageItems: z.pipe(
        z.nullish(z.array(z.unknown())),
        z.transform((items) => items ?? []),
      ),
    }),
  ),
});

export type SubOrderInput = z.infer<typeof subOrderSchema>;
export type PageItemInput = z.infer<typeof pageItemSchema>;
