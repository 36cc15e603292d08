/** Outcome of removing one downloaded export file. A file the seller already deleted is not an error. */
export type FileRemoval = 'removed' | 'missing';

/**
 * Removes a downloaded file from disk and erases it from the browser's download history.
 * Injected into the purge so the purge unit-tests with a fake (real one: downloads-adapter.ts).
 * Throws only when the file still exists and could not be removed (it is retried on the next sweep).
 */
export interface ExportFileRemover {
  removeDownload(downloadId: number): Promise<FileRemoval>;
}
