import { browser } from 'wxt/browser';
import type { BrowserPorts } from '../background-deps';

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
};
