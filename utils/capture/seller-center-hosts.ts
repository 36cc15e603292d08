/**
 * Seller-center hosts (reference: Hosts). Mirrors SELLER_CENTER_MATCHES in wxt.config.ts, which
 * decides where the content scripts run; this copy only lets the popup say "not a seller-center tab".
 */
export const SELLER_CENTER_HOSTS = [
  'agentseller.temu.com',
  'agentseller-us.temu.com',
  'agentseller-eu.temu.com',
  'seller.temu.com',
  'seller.kuajingmaihuo.com',
] as const;

export function isSellerCenterUrl(url: string | undefined): boolean {
  if (!url) return false;
  try {
    const u = new URL(url);
    return u.protocol === 'https:' && (SELLER_CENTER_HOSTS as readonly string[]).includes(u.hostname);
  } catch {
    return false;
  }
}

/** Content-script match patterns for the hosts above (kept equal to wxt.config.ts SELLER_CENTER_MATCHES by a test). */
export const SELLER_CENTER_MATCH_PATTERNS = SELLER_CENTER_HOSTS.map((h) => `https://${h}/*`);
