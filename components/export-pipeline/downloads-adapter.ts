import { browser } from 'wxt/browser';
import { downloadsFileRemover } from '../../utils/retention/downloads-adapter';

/**
 * Saves a generated file through chrome.downloads (so retention can remove it later by id).
 * The blob URL must outlive the download: it is revoked only once Chromium reports the
 * download complete or interrupted (revoking at once fails large files mid-write).
 */
export async function downloadBlob(blob: Blob, fileName: string): Promise<{ downloadId: number; finished: Promise<'complete' | 'interrupted'> }> {
  const url = URL.createObjectURL(blob);
  let downloadId: number;
  try {
    downloadId = await browser.downloads.download({ url, filename: fileName, saveAs: false, conflictAction: 'uniquify' });
  } catch (err) {
    URL.revokeObjectURL(url);
    throw err;
  }
  const finished = new Promise<'complete' | 'interrupted'>((resolve) => {
    const settle = (state: 'complete' | 'interrupted') => {
      browser.downloads.onChanged.removeListener(listener);
      URL.revokeObjectURL(url);
      resolve(state);
    };
    const listener = (delta: { id: number; state?: { current?: string } }) => {
      const state = delta.state?.current;
      if (delta.id === downloadId && (state === 'complete' || state === 'interrupted')) settle(state);
    };
    browser.downloads.onChanged.addListener(listener);
    // A small file can finish before the listener exists: ask once for the current state.
    void browser.downloads.search({ id: downloadId }).then(([item]) => {
      if (item?.state === 'complete' || item?.state === 'interrupted') settle(item.state);
    });
  });
  return { downloadId, finished };
}

/**
 * Removes a file we saved but could not track (so no untracked PII file stays on disk): the same
 * removal the retention sweep uses. Throws when the file is still on disk afterwards, so the
 * caller can track it for the sweep.
 */
export async function discardDownload(downloadId: number): Promise<void> {
  await downloadsFileRemover.removeDownload(downloadId);
}
