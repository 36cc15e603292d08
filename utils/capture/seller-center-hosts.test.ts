import { describe, expect, it } from 'vitest';
import { SELLER_CENTER_MATCHES } from '../../wxt.config';
import { isSellerCenterUrl, SELLER_CENTER_MATCH_PATTERNS } from './seller-center-hosts';

describe('seller-center hosts', () => {
  it('match the manifest host permissions exactly', () => {
    expect([...SELLER_CENTER_MATCH_PATTERNS].sort()).toEqual([...SELLER_CENTER_MATCHES].sort());
  });
  it('recognise seller-center tabs only over https on the exact hosts', () => {
    expect(isSellerCenterUrl('https://agentseller-eu.temu.com/mmsos/orders.html')).toBe(true);
    expect(isSellerCenterUrl('http://agentseller.temu.com/')).toBe(false);
    expect(isSellerCenterUrl('https://agentseller.temu.com.evil.example/')).toBe(false);
    expect(isSellerCenterUrl('https://www.temu.com/')).toBe(false);
    expect(isSellerCenterUrl(undefined)).toBe(false);
  });
});
