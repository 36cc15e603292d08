/**
 * Whether bulk fetch may run for a shop (issue 12, policy: features that rely on the seller's
 * cookies stop when cookie use is refused). Pure: the background and the popup pass what they read.
 * Order of the reasons is the order the seller has to fix them in.
 */
export const BULK_FETCH_REFUSALS = ['cookies-refused', 'bulk-fetch-off', 'no-shop', 'not-authorized', 'no-vault'] as const;
export type BulkFetchRefusal = (typeof BULK_FETCH_REFUSALS)[number];

export interface BulkFetchGateFacts {
  allowSellerCenterCookies: boolean;
  allowBulkAddressFetch: boolean;
  shopId: string | null;
  shopAuthorized: boolean;
  /** The vault is set up (addresses are sealed to its public key; locked is fine). */
  vaultExists: boolean;
}

/** null: allowed; else the first reason it is refused. */
export function bulkFetchRefusal(facts: BulkFetchGateFacts): BulkFetchRefusal | null {
  if (!facts.allowSellerCenterCookies) return 'cookies-refused';
  if (!facts.allowBulkAddressFetch) return 'bulk-fetch-off';
  if (!facts.shopId) return 'no-shop';
  if (!facts.shopAuthorized) return 'not-authorized';
  if (!facts.vaultExists) return 'no-vault';
  return null;
}
