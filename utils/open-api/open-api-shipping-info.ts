import { normalizeAddress, rawAddressSchema } from '../capture/address-normalizer';
import { isMaskedValue } from '../capture/masked-value';
import type { CountryAlpha2 } from '../geo/country-lookup';
import type { CapturedAddress } from '../vault/buyer-pii';

export type ShippingInfoReading =
  | { kind: 'address'; address: CapturedAddress }
  /** Some field came back masked: ask `bg.order.decryptshippinginfo.get` (or, after it, give up on this order). */
  | { kind: 'masked' }
  | { kind: 'unusable'; reason: 'incomplete' | 'invalid' };

const ADDRESS_FIELDS = Object.keys(rawAddressSchema.shape) as (keyof typeof rawAddressSchema.shape)[];

/**
 * Reads the `result` of `bg.order.shippinginfo.v2.get` or `bg.order.decryptshippinginfo.get`
 * (camelCase: receiptName, mobile, mail, addressLine1..3, regionName1..4, postCode — the same
 * names the seller center uses). The answer does not name its order: the caller asked for
 * `orderSn`. A masked value anywhere means the decrypt call is needed: a half-masked address is
 * never stored. The rest is the capture path's own normalizer (utils/capture/address-normalizer).
 */
export function readShippingInfo(result: unknown, orderSn: string, shopId: string, countryAlpha2: CountryAlpha2): ShippingInfoReading {
  if (result === null || typeof result !== 'object' || Array.isArray(result)) return { kind: 'unusable', reason: 'invalid' };
  const fields = result as Record<string, unknown>;
  if (ADDRESS_FIELDS.some((k) => typeof fields[k] === 'string' && isMaskedValue(fields[k] as string))) return { kind: 'masked' };
  const outcome = normalizeAddress(result, orderSn, shopId, 'openApi', countryAlpha2);
  if (outcome.ok) return { kind: 'address', address: outcome.address };
  return outcome.reason === 'masked' ? { kind: 'masked' } : { kind: 'unusable', reason: outcome.reason };
}
