import { appendAudit } from '../audit/audit-log';
import type { BackgroundDeps } from '../background-deps';
import { dropDownloadIntents, readDownloadIntents } from './download-intents';
import { planDownloadReconcile } from './download-reconcile';

export interface ReconcileResult {
  /** Untracked downloads of this extension removed (file or partial file, and history entry). */
  orphans: number;
  /** Tracked exports whose download was interrupted: partial file removed, row marked removed. */
  interrupted: number;
  /** Removals that failed (the file stays; the next worker start retries). */
  failed: number;
}

/**
 * Issue 16: the browser closed (or the worker stopped) during an export leaves no untracked file.
 * Runs on every worker start with `startedBefore` = that worker's start time (why: see
 * download-reconcile.ts). Browser calls happen outside any Dexie transaction; the rows and one
 * audit entry (counts only) are written together afterwards.
 */
export async function reconcileExportDownloads(deps: BackgroundDeps, { extensionId, startedBefore }: { extensionId: string; startedBefore: number }): Promise<ReconcileResult> {
  const { db } = deps;
  const downloads = await deps.exportDownloads.listStartedBefore(startedBefore);
  const result: ReconcileResult = { orphans: 0, interrupted: 0, failed: 0 };
  const intents = await readDownloadIntents(db);
  const intendedUrls = new Set(intents.filter((i) => i.at < startedBefore).map((i) => i.url));
  if (downloads.length === 0) {
    if (intendedUrls.size > 0) await dropDownloadIntents(db, startedBefore, new Set());
    return result;
  }
  const ids = downloads.map((d) => d.id);
  const rows = await db.exports.where('downloadId').anyOf(ids).toArray();
  const liveExports = rows.flatMap((row) => (row.state === 'live' && row.downloadId != null ? [{ id: row.id!, downloadId: row.downloadId }] : []));
  const plan = planDownloadReconcile({ downloads, intendedUrls, liveExports, extensionId, startedBefore });
  const urlOf = new Map(downloads.map((d) => [d.id, d.url]));
  const stuck = new Set<string>();

  for (const downloadId of plan.orphans) {
    try {
      await deps.exportFiles.removeDownload(downloadId);
      result.orphans++;
    } catch (err) {
      result.failed++;
      stuck.add(urlOf.get(downloadId)!);
      console.warn('[seller-vault] removing an untracked download failed; retried on the next worker start', err);
    }
  }
  const removedRows: number[] = [];
  for (const { exportId, downloadId } of plan.interrupted) {
    try {
      await deps.exportFiles.removeDownload(downloadId);
      removedRows.push(exportId);
      result.interrupted++;
    } catch (err) {
      result.failed++;
      stuck.add(urlOf.get(downloadId)!);
      console.warn('[seller-vault] removing an interrupted export failed; retried on the next worker start', err);
    }
  }
  // Handled: an intent whose download is gone, removed or tracked needs no second look.
  if (intendedUrls.size > 0) await dropDownloadIntents(db, startedBefore, stuck);
  if (result.orphans === 0 && result.interrupted === 0) return result;

  const now = deps.now();
  const orderSns = [...new Set(rows.filter((row) => removedRows.includes(row.id!)).flatMap((row) => row.orderSns))];
  await db.transaction('rw', db.exports, db.audit, async () => {
    // 'removed': the history no longer offers it as a file on disk; the retention sweep skips it.
    await db.exports.bulkUpdate(removedRows.map((key) => ({ key, changes: { state: 'removed' as const, removedAt: now } })));
    // Counts only: an orphan has no row, so nothing says which orders it held; file names are not logged.
    await appendAudit(db, now, { actor: 'background', action: 'export.downloads-reconciled', counts: { ...result }, orderSns, detail: null });
  });
  await deps.notifyChanged();
  return result;
}
