import { z } from '../validation/zod';

/**
 * Buyer personal data for one parent order, as it is sealed into `buyers.sealed`.
 * This is the ONLY shape in which PII exists outside the seller-center page; it is never
 * stored or logged in plaintext.
 */
export const buyerPiiSchema = z.object({
  name: z.string().check(z.maxLength(500)),
  phone: z.nullable(z.string().check(z.maxLength(100))),
  backupPhone: z.nullable(z.string().check(z.maxLength(100))),
  email: z.nullable(z.string().check(z.maxLength(320))),
  addressLine1: z.string().check(z.maxLength(1000)),
  addressLine2: z.nullable(z.string().check(z.maxLength(1000))),
  addressLine3: z.nullable(z.string().check(z.maxLength(1000))),
  /** region_name3 */
  city: z.nullable(z.string().check(z.maxLength(200))),
  /** region_name2 */
  state: z.nullable(z.string().check(z.maxLength(200))),
  /** region_name4 */
  district: z.nullable(z.string().check(z.maxLength(200))),
  postcode: z.nullable(z.string().check(z.maxLength(40))),
  /** region_name1 as shown (e.g. "United States") */
  country: z.nullable(z.string().check(z.maxLength(200))),
  /** ISO 3166-1 alpha-2 when known. */
  countryCode: z.nullable(z.string().check(z.length(2))),
  taxCode: z.nullable(z.string().check(z.maxLength(100))),
});
export type BuyerPii = z.infer<typeof buyerPiiSchema>;

/** `api`: the seller center's address query; `rawData`/`dom`: the detail page; `openApi`: the Temu Open API (issue 12). */
export type AddressSource = 'api' | 'rawData' | 'dom' | 'openApi';

/** One address read from the seller center, ready to be sealed. */
export interface CapturedAddress {
  orderSn: string;
  shopId: string;
  source: AddressSource;
  pii: BuyerPii;
}

/** Same address, field by field (the order of fields does not matter; absent and null are alike). */
export function sameBuyerPii(a: BuyerPii, b: BuyerPii): boolean {
  return (Object.keys(buyerPiiSchema.shape) as (keyof BuyerPii)[]).every((k) => (a[k] ?? null) === (b[k] ?? null));
}

/**
 * Buyer fields a label does not need, captured only when the seller turns them on (issue 15, data
 * minimization; settings `captureBuyerEmail`, `captureBackupPhone`).
 */
export const OPTIONAL_BUYER_FIELDS = ['email', 'backupPhone'] as const;
export type OptionalBuyerField = (typeof OPTIONAL_BUYER_FIELDS)[number];

/** The optional fields turned off in these settings. */
export function buyerFieldsOff(settings: { captureBuyerEmail: boolean; captureBackupPhone: boolean }): OptionalBuyerField[] {
  return OPTIONAL_BUYER_FIELDS.filter((field) => (field === 'email' ? !settings.captureBuyerEmail : !settings.captureBackupPhone));
}

/** The address without the fields turned off (a field turned off is never stored). */
export function withoutBuyerFields(pii: BuyerPii, off: readonly OptionalBuyerField[]): BuyerPii {
  if (off.length === 0) return pii;
  const next = { ...pii };
  for (const field of off) next[field] = null;
  return next;
}
