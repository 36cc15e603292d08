import { browser } from 'wxt/browser';
import type { BulkFetchTabReply } from './bulk-fetch-tab-commands';
import { BULK_FETCH_TAB_TAG } from './bulk-fetch-tab-commands';

/**
 * The seller-center tab's listener for bulk-fetch commands. Only this extension's own pages are
 * obeyed (popup, options: their URL is on the extension's origin); other content scripts, web
 * pages and other extensions are ignored. Messages without the tag get no answer.
 */
export function listenForBulkFetchCommands(handle: (raw: unknown) => Promise<BulkFetchTabReply | null>): () => void {
  const origin = browser.runtime.getURL('/');
  const listener = (message: unknown, sender: { id?: string; url?: string }) => {
    if (sender.id !== browser.runtime.id || typeof sender.url !== 'string' || !sender.url.startsWith(origin)) return undefined;
    if (typeof message !== 'object' || message === null || (message as { tag?: unknown }).tag !== BULK_FETCH_TAB_TAG) return undefined;
    return handle(message);
  };
  browser.runtime.onMessage.addListener(listener);
  return () => browser.runtime.onMessage.removeListener(listener);
}

/** Imports bulk-fetch.js (web-accessible to the seller-center hosts only) into this ISOLATED world. */
export function loadBulkFetchScript(): Promise<unknown> {
  return import(/* @vite-ignore */ browser.runtime.getURL('/bulk-fetch.js'));
}
