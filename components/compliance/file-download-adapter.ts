import { browser } from 'wxt/browser';
import { sendMessage } from '../../utils/messaging/send-message-adapter';

/**
 * Saves a file that holds no personal data (audit export, evidence pack) straight from this page;
 * it is not tracked, because nothing in it is due for deletion.
 */
export function saveUntrackedFile(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/**
 * Saves an access-request file (buyer data) through the background, which starts the download and
 * tracks it like a label file, so it is deleted with the data. The blob URL lives until the
 * download completes.
 */
export async function saveAccessFile(requestId: number, blob: Blob, fileName: string, format: 'access-json' | 'access-csv'): Promise<number> {
  const url = URL.createObjectURL(blob);
  try {
    const { downloadId } = await sendMessage('requests/save-access-file', { id: requestId, url, fileName, format });
    for (let i = 0; i < 300; i++) {
      const [item] = await browser.downloads.search({ id: downloadId });
      if (item?.state === 'complete' || item?.state === 'interrupted') break;
      await new Promise((r) => setTimeout(r, 100));
    }
    return downloadId;
  } finally {
    URL.revokeObjectURL(url);
  }
}
