/**
 * Issue 16, "the browser closed during an export": which of this extension's downloads must go
 * when a worker starts. Pure: the adapter lists the downloads, the service acts on the plan.
 *
 * Why only downloads started before this worker started (`startedBefore`): `export/save` and
 * `requests/save-access-file` start a download and track it (or remove it) inside one handler
 * of one worker. A download started while this worker runs belongs to a handler that is still
 * running or has finished doing exactly that; only a handler of an earlier worker (the browser
 * closed, the worker stopped) can have left a download with no row.
 */

/** What the planner needs of a chrome.downloads item. */
export interface OwnDownload {
  id: number;
  /** Chromium's `byExtensionId`: set only for chrome.downloads.download calls of that extension. */
  byExtensionId: string | undefined;
  /** The URL it was started from (an export: this extension's blob URL, unique per file). */
  url: string;
  state: 'in_progress' | 'interrupted' | 'complete';
  /** ms since epoch (Chromium's `startTime`). */
  startedAt: number;
}

export interface ReconcilePlan {
  /** Downloads of this extension that no live export row tracks: file (or partial file) and history entry go. */
  orphans: number[];
  /** Live export rows whose download was interrupted (the browser closed mid-write): partial file goes, row marked removed. */
  interrupted: { exportId: number; downloadId: number }[];
}

export function planDownloadReconcile(input: {
  downloads: readonly OwnDownload[];
  /** URLs of downloads this extension noted before starting them (download-intents.ts). */
  intendedUrls: ReadonlySet<string>;
  /** Live export rows with a download id (`state = live`). */
  liveExports: readonly { id: number; downloadId: number }[];
  extensionId: string;
  startedBefore: number;
}): ReconcilePlan {
  const tracked = new Map(input.liveExports.map((row) => [row.downloadId, row.id]));
  const plan: ReconcilePlan = { orphans: [], interrupted: [] };
  for (const item of input.downloads) {
    // Never a file the seller saved by other means (the browser's own UI, another extension, a
    // link click on one of our pages — e.g. the audit export, which holds no personal data).
    // Ours: started by this extension, known by Chromium or — when a dying browser lost that — by
    // the URL noted before the start.
    if (item.byExtensionId !== input.extensionId && !input.intendedUrls.has(item.url)) continue;
    if (!(item.startedAt < input.startedBefore)) continue;
    const exportId = tracked.get(item.id);
    if (exportId === undefined) plan.orphans.push(item.id);
    else if (item.state === 'interrupted') plan.interrupted.push({ exportId, downloadId: item.id });
    // A tracked download still in progress (an earlier worker stopped while idle, the browser
    // kept writing) or complete is a good file: the retention sweep removes it when due.
  }
  return plan;
}
