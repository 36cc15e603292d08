/**
 * Seller-center hosts (reference: Hosts): the one list behind the manifest's host permissions
 * (wxt.config.ts), the content scripts' matches and the popup's "not a seller-center tab".
 */
export const SELLER_CENTER_HOSTS = ['agentseller.temu.com', 'agentseller-us.temu.com', 'agentseller-eu.temu.com', 'seller.temu.com', 'seller.kuajingmaihuo.com'] as const;

export function isSellerCenterUrl(url: string | undefined): boolean {
  if (!url) return false;
  try {
    const u = new URL(url);
    return u.protocol === 'https:' && (SELLER_CENTER_HOSTS as readonly string[]).includes(u.hostname);
  } catch {
    return false;
  }
}

/** Match patterns for the hosts above (content scripts and host permissions). */
export const SELLER_CENTER_MATCH_PATTERNS = SELLER_CENTER_HOSTS.map((h) => `https://${h}/*`);
