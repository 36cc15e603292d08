import { z } from 'zod';
import { sellerCenterEnvelopeSchema } from './seller-center-answer';

/**
 * The order-list response (`POST /kirogi/bg/mms/recentOrderList`) after `toCamelKeys`.
 * Tolerant by design (reference: unknown fields ignored, known fields validated): z.object strips
 * unknown keys; identifiers are format-checked so markup or junk never becomes a key.
 */

/** "PO-211-01861395087993272"; sub-orders "211-21905473070712792". Letters allowed for other regions. */
const orderNumber = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9-]{2,63}$/, 'order number must be letters, digits and dashes');
const idLike = z.union([z.string().regex(/^[A-Za-z0-9_.-]{1,64}$/), z.number().int().nonnegative()]).transform(String);
const looseInt = z.union([
  z.number().int(),
  z
    .string()
    .regex(/^-?\d{1,12}$/)
    .transform(Number),
]);
const count = z.union([
  z.number().int().min(0).max(1_000_000),
  z
    .string()
    .regex(/^\d{1,7}$/)
    .transform(Number),
]);
const timeValue = z.union([z.number(), z.string().max(40)]).nullish();
/** Free text shown to the seller (titles, specs): plain text only, length-capped; never rendered as HTML. */
const text = (max: number) => z.string().transform((s) => s.slice(0, max));

/** One package of a line or order: number, tracking number, carrier (seller-center and package-API spellings). */
export const packageInfoSchema = z.object({
  packageSn: z.string().max(64).nullish().catch(null),
  trackingNumber: z.string().max(64).nullish().catch(null),
  companyName: z.string().max(100).nullish().catch(null),
  shippingCompanyName: z.string().max(100).nullish().catch(null),
  shipCompanyName: z.string().max(100).nullish().catch(null),
});

export const subOrderSchema = z.object({
  orderSn: orderNumber,
  goodsId: idLike.nullish(),
  skuId: idLike.nullish(),
  goodsName: text(500).nullish(),
  spec: text(300).nullish(),
  orderStatus: looseInt.nullish(),
  quantity: count.nullish(),
  originQuantity: count.nullish(),
  cancelQuantity: count.nullish(),
  /** The Open API's name for the same count. */
  canceledQuantityBeforeShipment: count.nullish(),
  /** String ids (seen); used for the SKU when no seller code is set. */
  productSkuIdList: z.array(idLike).max(50).nullish().catch(null),
  /** `null` while the line has not shipped (seen), a list after. */
  orderPackageInfoList: z.array(packageInfoSchema).max(50).nullish().catch(null),
  /** Seller's own SKU codes; the first is the label SKU. */
  extCodeList: z.array(z.string().max(100)).max(50).nullish(),
  /** The Open API's spelling: the seller's SKU code is `productList[].extCode` (issue 12). */
  productList: z
    .array(z.object({ extCode: z.string().max(100).nullish().catch(null), productSkuId: idLike.nullish().catch(null) }))
    .max(50)
    .nullish()
    .catch(null),
  /** The Open API's packages of a line (package number only; tracking comes with the package APIs). */
  packageSnInfo: z
    .array(z.object({ packageSn: z.string().max(64).nullish().catch(null) }))
    .max(50)
    .nullish()
    .catch(null),
});

export const parentOrderMapSchema = z.object({
  parentOrderSn: orderNumber,
  parentOrderStatus: looseInt.nullish(),
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
  orderList: z.array(subOrderSchema).max(500).default([]),
});

export const orderListResponseSchema = sellerCenterEnvelopeSchema.extend({
  result: z
    .object({
      totalItemNum: looseInt.nullish(),
      // Past the last page the seller center answers `pageItems: null` (seen in public crawlers).
      pageItems: z
        .array(z.unknown())
        .nullish()
        .transform((items) => items ?? []),
    })
    .nullish(),
});

export type SubOrderInput = z.infer<typeof subOrderSchema>;
export type PageItemInput = z.infer<typeof pageItemSchema>;
