import { browser } from 'wxt/browser';

/**
 * The tab the popup describes: the active tab of its window. When the popup page is itself that
 * tab (opened as a tab or pinned by the seller), it describes the web tab used last before it.
 */
export async function resolvePopupTabId(): Promise<number | null> {
  const [active] = await browser.tabs.query({ active: true, currentWindow: true });
  const ownOrigin = browser.runtime.getURL('/');
  if (active?.id !== undefined && !active.url?.startsWith(ownOrigin)) return active.id;
  const tabs = await browser.tabs.query({});
  const previous = tabs
    .filter((t) => t.id !== undefined && !t.url?.startsWith(ownOrigin))
    .sort((a, b) => ((b as { lastAccessed?: number }).lastAccessed ?? 0) - ((a as { lastAccessed?: number }).lastAccessed ?? 0))[0];
  return previous?.id ?? null;
}

/** URL of one of the extension's own pages (links from the popup to the options page). */
export function extensionPageUrl(path: string): string {
  return browser.runtime.getURL(path as '/options.html');
}
