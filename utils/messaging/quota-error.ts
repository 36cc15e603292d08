/** True for IndexedDB/Dexie/storage quota failures, however deeply wrapped (Dexie wraps DOMExceptions in `inner`). */
export function isQuotaError(err: unknown): boolean {
  for (let e: unknown = err, depth = 0; e && depth < 5; depth++) {
    const name = (e as { name?: unknown }).name;
    const message = String((e as { message?: unknown }).message ?? '');
    if (name === 'QuotaExceededError' || /quota/i.test(message)) return true;
    e = (e as { inner?: unknown; cause?: unknown }).inner ?? (e as { cause?: unknown }).cause;
  }
  return false;
}

/**
 * Names and messages IndexedDB gives when the disk is full (issue 16, measured in Chromium with the
 * profile on a full tmpfs): with unlimitedStorage there is no QuotaExceededError for IndexedDB —
 * the write's transaction aborts (AbortError, Dexie's BulkError around it), LevelDB reports an
 * UnknownError, blobs a DataError "Failed to write blobs (IOError)", and Chromium then closes the
 * connection ("The database connection is closing", "Internal error opening backing store").
 */
const DISK_FAILURE_NAMES = new Set(['QuotaExceededError', 'UnknownError', 'AbortError', 'DatabaseClosedError', 'OpenFailedError']);
const DISK_FAILURE_MESSAGE = /quota|IOError|backing store|connection is closing|no space left/i;

/** True for a write refused because storage is full or failing (quota, full disk, closed connection). */
export function isStorageFailure(err: unknown): boolean {
  for (let e: unknown = err, depth = 0; e && depth < 5; depth++) {
    const name = String((e as { name?: unknown }).name ?? '');
    const message = String((e as { message?: unknown }).message ?? '');
    if (DISK_FAILURE_NAMES.has(name) || DISK_FAILURE_MESSAGE.test(message)) return true;
    const failures = (e as { failures?: unknown }).failures;
    e = (e as { inner?: unknown; cause?: unknown }).inner ?? (e as { cause?: unknown }).cause ?? (Array.isArray(failures) ? failures[0] : undefined);
  }
  return false;
}
