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
