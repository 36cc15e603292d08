import type { BrowserPorts } from '../background-deps';
import { readTrustedCopy, writeTrustedCopy } from '../storage-trust/trusted-copies-adapter';
import { parseConsentMap } from './consent-schema';

/**
 * Authorized shops by id (no PII): the trusted copy in the extension's IndexedDB, mirrored to
 * storage.local `consent` for the seller-center script (utils/storage-trust: a content script
 * cannot forge consent).
 */
export const consentStore: BrowserPorts['consent'] = {
  async read() {
    return parseConsentMap(await readTrustedCopy('consent'));
  },
  async grant(entry) {
    const map = await consentStore.read();
    await writeTrustedCopy('consent', { ...map, [entry.shopId]: entry });
  },
  async revoke(shopId) {
    const map = await consentStore.read();
    if (!Object.hasOwn(map, shopId)) return false;
    const { [shopId]: _removed, ...rest } = map;
    await writeTrustedCopy('consent', rest);
    return true;
  },
};
