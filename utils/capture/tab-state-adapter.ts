import { browser } from 'wxt/browser';
import { SESSION_KEY_PREFIXES } from '../storage-keys';

/**
 * Which shop each tab's content script reported, in storage.session (trusted contexts only,
 * gone when the browser closes). One key per tab so two tabs reporting at once cannot race.
 */
const tabKey = (tabId: number) => `${SESSION_KEY_PREFIXES.captureTab}${tabId}`;

export async function recordTabShop(tabId: number, shopId: string): Promise<void> {
  await browser.storage.session.set({ [tabKey(tabId)]: shopId });
}

export async function readTabShop(tabId: number): Promise<string | null> {
  const stored = await browser.storage.session.get(tabKey(tabId));
  const value = stored[tabKey(tabId)];
  return typeof value === 'string' ? value : null;
}

/** The tab's URL; visible only for hosts we hold permission for (the seller center), else undefined. */
export async function readTabUrl(tabId: number): Promise<string | undefined> {
  try {
    return (await browser.tabs.get(tabId)).url;
  } catch {
    return undefined;
  }
}
