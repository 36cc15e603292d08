import type { AppDb } from '../db/app-db';
import { readMeta, writeMeta } from '../meta-store';

/** A download this extension is about to start: the page's blob URL (unique per file) and when. */
export interface DownloadIntent {
  url: string;
  at: number;
}

/**
 * Written before chrome.downloads.download, so a download whose handler never finished (the
 * browser died) is still known as ours after a restart, even when Chromium lost its byExtensionId
 * (measured: after a SIGKILL of the browser, every restored download had none; the URL stayed).
 * One transaction: two exports at once both land. The list lives for one worker: the next
 * worker's reconcile drops what it handled.
 */
export async function noteDownloadIntent(db: AppDb, intent: DownloadIntent): Promise<void> {
  await db.transaction('rw', db.meta, async () => {
    const list = (await readMeta(db, 'export.downloadIntents')) ?? [];
    await writeMeta(db, 'export.downloadIntents', [...list, intent]);
  });
}

export async function readDownloadIntents(db: AppDb): Promise<DownloadIntent[]> {
  return (await readMeta(db, 'export.downloadIntents')) ?? [];
}

/** Drops the intents noted before `before` except those whose download could not be removed yet (retried next start). */
export async function dropDownloadIntents(db: AppDb, before: number, keepUrls: ReadonlySet<string>): Promise<void> {
  await db.transaction('rw', db.meta, async () => {
    const list = (await readMeta(db, 'export.downloadIntents')) ?? [];
    const kept = list.filter((i) => i.at >= before || keepUrls.has(i.url));
    if (kept.length !== list.length) await writeMeta(db, 'export.downloadIntents', kept);
  });
}
