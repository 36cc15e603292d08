import { browser } from 'wxt/browser';
import type { ExportFileRemover, FileRemoval } from './export-file-remover';

/**
 * chrome.downloads implementation of ExportFileRemover.
 * - An unknown id (the seller cleared the download history) or `exists: false` (file deleted by
 *   hand) is `missing`, not an error: there is nothing left for us to delete.
 * - An in-progress download is cancelled (Chromium deletes the partial file), then erased.
 * - removeFile rejects for files that are already gone; we re-check `exists` before failing.
 */
export const downloadsFileRemover: ExportFileRemover = {
  async removeDownload(downloadId: number): Promise<FileRemoval> {
    const [item] = await browser.downloads.search({ id: downloadId });
    if (!item) return 'missing';
    let result: FileRemoval = 'missing';
    if (item.state === 'in_progress') {
      await browser.downloads.cancel(downloadId);
      result = 'removed';
    } else if (item.exists !== false && item.state === 'complete') {
      try {
        await browser.downloads.removeFile(downloadId);
        result = 'removed';
      } catch (err) {
        const [again] = await browser.downloads.search({ id: downloadId });
        if (again && again.exists !== false) throw err;
      }
    }
    await browser.downloads.erase({ id: downloadId });
    return result;
  },
};
