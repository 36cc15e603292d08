import { z } from '../validation/zod';
import { buyerPiiSchema, type AddressSource, type BuyerPii, type CapturedAddress } from '../vault/buyer-pii';
import type { CountryAlpha2 } from '../geo/country-lookup';
import { plainCapturedText } from './captured-text';
import { isMaskedValue } from './masked-value';

/**
 * One address as the three sources spell it after `toCamelKeys`: the address API's snake_case
 * `result`, the detail page's `rawData.store.shippingInfo`, and the DOM fallback all arrive as
 * receiptName / mobile / mail / addressLine1..3 / regionName1..4 / postCode / taxCode.
 */
const field = z.nullish(z.union([z.string(), z.pipe(z.number(), z.transform(String))]));
export const rawAddressSchema = z.object({
  receiptName: field,
  mobile: field,
  backupMobile: field,
  mail: field,
  addressLine1: field,
  addressLine2: field,
  addressLine3: field,
  regionName1: field,
  regionName2: field,
  regionName3: field,
  regionName4: field,
  postCode: field,
  taxCode: field,
});
export type RawAddress = z.infer<typeof rawAddressSchema>;

export type AddressOutcome = { ok: true; address: CapturedAddress } | { ok: false; reason: 'masked' | 'incomplete' | 'invalid' };

/** Trimmed text, or null when empty or masked (a masked field is never stored as real data). */
function clean(value: string | null | undefined): string | null {
  if (value == null) return null;
  const trimmed = plainCapturedText(value).replace(/\s+/g, ' ').trim();
  if (trimmed === '' || isMaskedValue(trimmed)) return null;
  return trimmed;
}

/** `countryAlpha2`: the country lookup (the background's reads the packaged names, utils/geo/country-names-adapter.ts). */
export function normalizeAddress(raw: unknown, orderSn: string, shopId: string, source: AddressSource, countryAlpha2: CountryAlpha2): AddressOutcome {
  const parsed = rawAddressSchema.safeParse(raw);
  if (!parsed.success) return { ok: false, reason: 'invalid' };
  const a = parsed.data;
  // Plain text here too (not only in toCamelKeys): every source's address passes this function.
  const name = plainCapturedText(a.receiptName ?? '').trim();
  const line1 = plainCapturedText(a.addressLine1 ?? '').trim();
  // Without a real name and first line there is nothing to ship to: skip rather than store half.
  if (isMaskedValue(name) || isMaskedValue(line1)) return { ok: false, reason: 'masked' };
  if (name === '' || line1 === '') return { ok: false, reason: 'incomplete' };

  const country = clean(a.regionName1);
  const pii: BuyerPii = {
    name: clean(name)!,
    phone: clean(a.mobile),
    backupPhone: clean(a.backupMobile),
    email: clean(a.mail),
    addressLine1: clean(line1)!,
    addressLine2: clean(a.addressLine2),
    addressLine3: clean(a.addressLine3),
    city: clean(a.regionName3),
    state: clean(a.regionName2),
    district: clean(a.regionName4),
    postcode: clean(a.postCode),
    country,
    countryCode: countryAlpha2(null, country),
    taxCode: clean(a.taxCode),
  };
  const checked = buyerPiiSchema.safeParse(pii);
  if (!checked.success) return { ok: false, reason: 'invalid' };
  return { ok: true, address: { orderSn, shopId, source, pii: checked.data } };
}
