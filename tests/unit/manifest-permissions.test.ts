import { describe, expect, it } from 'vitest';
import config from '../../wxt.config';
import { SELLER_CENTER_MATCH_PATTERNS } from '../../utils/capture/seller-center-hosts';

/**
 * The extension never reads, stores or sends cookie values (issue 15, privacy settings): it asks
 * for no `cookies` permission, so the browser would refuse it the cookie API. The seller's login
 * reaches the seller center only because the browser attaches it to the page's own requests.
 */
describe('manifest permissions', () => {
  const manifest = config.manifest as { permissions: string[]; host_permissions: string[]; optional_permissions?: string[] };

  it('has no cookies permission, required or optional', () => {
    expect(manifest.permissions).not.toContain('cookies');
    expect(manifest.optional_permissions ?? []).not.toContain('cookies');
    expect(manifest.permissions.sort()).toEqual(['alarms', 'downloads', 'notifications', 'storage', 'unlimitedStorage']);
  });

  it('reaches the seller-center hosts only', () => {
    expect(manifest.host_permissions).toEqual([...SELLER_CENTER_MATCH_PATTERNS]);
  });
});
