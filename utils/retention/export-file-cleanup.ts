import { appendAudit } from '../audit/audit-log';
import type { BackgroundDeps } from '../background-deps';
import type { AuditActor, ExportRecord } from '../db/records';

/** A file whose removal failed is retried by the 30-minute sweep, not by a 30 s alarm loop. */
export const FILE_RETRY_DELAY_MS = 30 * 60 * 1000;

export interface FileCleanupResult {
  removed: number;
  /** Already deleted by the seller or erased from history: nothing left to delete. */
  missing: number;
  /** Still on disk after an error; stays `live` and due, so the next sweep retries. */
  failed: number;
}

/**
 * Removes every live tracked export file that is due (its purgeAt passed, or one of its orders'
 * PII was erased — pii-eraser brings those due). Scans `state = live` only: live files are
 * bounded by the retention window, so cost does not grow with export history.
 * Browser calls happen outside any Dexie transaction; the state change and audit entry are
 * written together afterwards.
 */
export async function removeDueExportFiles(deps: BackgroundDeps, actor: AuditActor): Promise<FileCleanupResult> {
  const now = deps.now();
  const due = await deps.db.exports
    .where('state')
    .equals('live')
    .filter((file) => file.purgeAt <= now)
    .toArray();
  const result: FileCleanupResult = { removed: 0, missing: 0, failed: 0 };
  if (due.length === 0) return result;

  const done: ExportRecord[] = [];
  const failed: ExportRecord[] = [];
  for (const file of due) {
    if (file.downloadId == null) {
      // Never reached the downloads folder (e.g. print view): nothing on disk to delete.
      result.missing++;
      done.push(file);
      continue;
    }
    try {
      result[await deps.exportFiles.removeDownload(file.downloadId)]++;
      done.push(file);
    } catch (err) {
      result.failed++;
      failed.push(file);
      console.warn('[seller-vault] export file removal failed; retried on the next sweep', err);
    }
  }

  const { db } = deps;
  await db.transaction('rw', db.exports, db.audit, async () => {
    // A stuck file stays live and due; retryAfter keeps the one-shot alarm from re-arming at
    // once for it (nextRetentionDeadline), so it is retried by the sweep, not every 30 s.
    await db.exports.bulkUpdate(failed.map((file) => ({ key: file.id!, changes: { retryAfter: now + FILE_RETRY_DELAY_MS } })));
    if (done.length === 0) return; // nothing removed: no audit entry (a stuck file would log one per retry)
    await db.exports.bulkUpdate(done.map((file) => ({ key: file.id!, changes: { state: 'removed' as const, removedAt: now } })));
    await appendAudit(db, now, {
      actor,
      action: 'retention.files-removed',
      counts: { ...result },
      orderSns: [...new Set(done.flatMap((file) => file.orderSns))],
    });
  });
  return result;
}
