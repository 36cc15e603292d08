import { z } from 'zod';

/**
 * Buyer personal data for one parent order, as it is sealed into `buyers.sealed`.
 * This is the ONLY shape in which PII exists outside the seller-center page; it is never
 * stored or logged in plaintext.
 */
export const buyerPiiSchema = z.object({
  name: z.string().max(500),
  phone: z.string().max(100).nullable(),
  backupPhone: z.string().max(100).nullable(),
  email: z.string().max(320).nullable(),
  addressLine1: z.string().max(1000),
  addressLine2: z.string().max(1000).nullable(),
  addressLine3: z.string().max(1000).nullable(),
  /** region_name3 */
  city: z.string().max(200).nullable(),
  /** region_name2 */
  state: z.string().max(200).nullable(),
  /** region_name4 */
  district: z.string().max(200).nullable(),
  postcode: z.string().max(40).nullable(),
  /** region_name1 as shown (e.g. "United States") */
  country: z.string().max(200).nullable(),
  /** ISO 3166-1 alpha-2 when known. */
  countryCode: z.string().length(2).nullable(),
  taxCode: z.string().max(100).nullable(),
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
