import { browser } from 'wxt/browser';
import type { BrowserPorts } from '../background-deps';
import { LOCAL_KEYS } from '../storage-keys';
import { parseConsentMap } from './consent-schema';

/** storage.local `consent`: authorized shops by id (no PII). */
export const consentStore: BrowserPorts['consent'] = {
  async read() {
    const stored = await browser.storage.local.get(LOCAL_KEYS.consent);
    return parseConsentMap(stored[LOCAL_KEYS.consent]);
  },
  async grant(entry) {
    const map = await consentStore.read();
    await browser.storage.local.set({ [LOCAL_KEYS.consent]: { ...map, [entry.shopId]: entry } });
  },
  async revoke(shopId) {
    const map = await consentStore.read();
    if (!Object.hasOwn(map, shopId)) return false;
    const { [shopId]: _removed, ...rest } = map;
    await browser.storage.local.set({ [LOCAL_KEYS.consent]: rest });
    return true;
  },
};
