import { browser } from 'wxt/browser';
import type { FileExportFormat } from '../../utils/export/file-names';
import type { ExportSaveReply } from '../../utils/export-jobs/export-messages';
import { sendMessage } from '../../utils/messaging/send-message-adapter';

export interface SavedFile extends ExportSaveReply {
  /** Settles when Chromium reports the download complete or interrupted. */
  finished: Promise<'complete' | 'interrupted'>;
}

/**
 * Saves a generated file: the background starts the download from this page's blob URL and
 * tracks it in the same step (`export/save`), so the file is tracked even if this page closes
 * right after. The blob URL must outlive the download: it is revoked once Chromium reports the
 * download complete or interrupted (revoking at once fails large files mid-write).
 */
export async function saveFile(blob: Blob, entry: { fileName: string; format: FileExportFormat; orderSns: string[] }): Promise<SavedFile> {
  const url = URL.createObjectURL(blob);
  // Listening before the download exists: a small file can finish before its id is known here.
  const states = new Map<number, 'complete' | 'interrupted'>();
  let downloadId: number | null = null;
  let settle: (state: 'complete' | 'interrupted') => void = () => undefined;
  const finished = new Promise<'complete' | 'interrupted'>((resolve) => {
    settle = (state) => {
      browser.downloads.onChanged.removeListener(listener);
      URL.revokeObjectURL(url);
      resolve(state);
    };
  });
  const listener = (delta: { id: number; state?: { current?: string } }) => {
    const state = delta.state?.current;
    if (state !== 'complete' && state !== 'interrupted') return;
    if (delta.id === downloadId) settle(state);
    else if (downloadId === null) states.set(delta.id, state);
  };
  browser.downloads.onChanged.addListener(listener);
  let reply: ExportSaveReply;
  try {
    reply = await sendMessage('export/save', { url, ...entry });
  } catch (err) {
    browser.downloads.onChanged.removeListener(listener);
    URL.revokeObjectURL(url);
    throw err;
  }
  downloadId = reply.downloadId;
  const seen = states.get(downloadId);
  if (seen) settle(seen);
  else
    void browser.downloads.search({ id: downloadId }).then(([item]) => {
      if (item?.state === 'complete' || item?.state === 'interrupted') settle(item.state);
    });
  return { ...reply, finished };
}
