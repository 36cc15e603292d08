import { browser } from 'wxt/browser';
import type { BrowserPorts } from '../background-deps';
import { SESSION_KEY_PREFIXES } from '../storage-keys';

/**
 * Which shop each tab's content script reported, in storage.session (trusted contexts only,
 * gone when the browser closes). One key per tab so two tabs reporting at once cannot race.
 */
const tabKey = (tabId: number) => `${SESSION_KEY_PREFIXES.captureTab}${tabId}`;

export const tabState: BrowserPorts['tabs'] = {
  async recordShop(tabId, shopId) {
    await browser.storage.session.set({ [tabKey(tabId)]: shopId });
  },
  async readShop(tabId) {
    const stored = await browser.storage.session.get(tabKey(tabId));
    const value = stored[tabKey(tabId)];
    return typeof value === 'string' ? value : null;
  },
  async readUrl(tabId) {
    try {
      return (await browser.tabs.get(tabId)).url;
    } catch {
      return undefined;
    }
  },
  // Banner → "Authorize this shop": the options authorization screen pre-filled for the shop.
  async openAuthorization(shopId) {
    await browser.tabs.create({ url: browser.runtime.getURL(`/options.html#authorize?shop=${encodeURIComponent(shopId)}`) });
  },
};
