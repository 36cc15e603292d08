import { browser } from 'wxt/browser';

/**
 * The tab the popup describes: `?tabId=N` in the popup URL (tests open the popup as a tab),
 * else the active tab of the current window.
 */
export async function resolvePopupTabId(search: string): Promise<number | null> {
  const fromUrl = Number(new URLSearchParams(search).get('tabId'));
  if (Number.isInteger(fromUrl) && fromUrl > 0) return fromUrl;
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id ?? null;
}
