import { browser } from 'wxt/browser';
import type { BulkFetchTabReply, BulkFetchTabRequest } from '../../utils/seller-page/bulk-fetch-tab-commands';
import { BULK_FETCH_TAB_TAG } from '../../utils/seller-page/bulk-fetch-tab-commands';

/** Popup → the seller-center tab's bulk fetch (the work runs in the tab: same-origin requests with its session). */
export async function sendBulkFetchCommand(tabId: number, request: BulkFetchTabRequest): Promise<BulkFetchTabReply | null> {
  try {
    const reply = (await browser.tabs.sendMessage(tabId, { tag: BULK_FETCH_TAB_TAG, ...request })) as BulkFetchTabReply | null | undefined;
    return reply ?? null;
  } catch {
    return null; // no content script in that tab (not a seller-center page, or not loaded yet)
  }
}
