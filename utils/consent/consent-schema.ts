import { z } from '../validation/zod';
import { DISPLAY_NAME_MAX, POLICY_VERSION_MAX, SHOP_ID_PATTERN } from './consent-read';

export { isShopAuthorized } from './consent-read';

/** Mall (shop) ids are digits in the seller center; anything else is refused before storage. */
export const shopIdSchema = z.string().check(z.regex(SHOP_ID_PATTERN, 'shop id must be 1–40 letters/digits'));

/**
 * `displayName`: the seller's own name for the shop (shown in lists). Stored as `label` before
 * 2026-12 (that word now means a shipping label only); the old spelling is read once and rewritten.
 */
export const shopConsentSchema = z.pipe(
  z.transform((raw: unknown) => (raw && typeof raw === 'object' && !('displayName' in raw) && 'label' in raw ? { ...raw, displayName: (raw as { label: unknown }).label } : raw)),
  z.object({
    shopId: shopIdSchema,
    displayName: z._default(z.string().check(z.maxLength(DISPLAY_NAME_MAX)), ''),
    authorizedAt: z.number(),
    /** Version of the privacy policy the seller saw when authorizing. */
    policyVersion: z.string().check(z.maxLength(POLICY_VERSION_MAX)),
  }),
);
export type ShopConsent = z.infer<typeof shopConsentSchema>;

/** storage.local `consent`: authorized shops by id. Revoking deletes the entry. */
export const consentMapSchema = z.record(z.string(), shopConsentSchema);
export type ConsentMap = z.infer<typeof consentMapSchema>;

export function parseConsentMap(raw: unknown): ConsentMap {
  const parsed = consentMapSchema.safeParse(raw ?? {});
  return parsed.success ? parsed.data : {};
}
