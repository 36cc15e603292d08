import { browser } from 'wxt/browser';
import type { BrowserPorts } from '../background-deps';
import type { OwnDownload } from './download-reconcile';

/**
 * chrome.downloads implementation of the export-download port. Only blob URLs of this
 * extension's own pages are saved (the page keeps the URL alive until the download completes).
 */
export const exportDownloads: BrowserPorts['exportDownloads'] = {
  async start({ url, fileName }) {
    const ownBlobs = `blob:${browser.runtime.getURL('/')}`;
    if (!url.startsWith(ownBlobs)) throw new Error('Only files made by this extension can be saved.');
    return browser.downloads.download({ url, filename: fileName, saveAs: false, conflictAction: 'uniquify' });
  },

  async listStartedBefore(startedBefore) {
    // limit 0 = every history entry (the default stops at 1,000). The query runs in the browser
    // process over its in-memory history.
    const items = await browser.downloads.search({ startedBefore: new Date(startedBefore).toISOString(), limit: 0 });
    // No filter here: after a browser crash Chromium may have lost byExtensionId; the planner
    // decides which are ours (by id, or by a URL noted before the start).
    return items.map(
      (item): OwnDownload => ({ id: item.id, byExtensionId: item.byExtensionId, url: item.url, state: item.state as OwnDownload['state'], startedAt: Date.parse(item.startTime) }),
    );
  },
};
