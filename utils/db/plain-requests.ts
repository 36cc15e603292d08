import Dexie from 'dexie';
import type { AppDb } from './app-db';

/**
 * Plain IndexedDB requests in the current Dexie transaction, skipping Dexie's middleware stack,
 * for the bulk writes whose cost the seller or the worker waits on (issue 11). Nothing in the
 * service worker observes these tables through liveQuery, which is what the middleware would
 * feed; `orders`, whose writes have observers (AppDb.observeOrderWrites), never goes through here.
 * Each must run inside `db.transaction('rw', …)` over `storeName`. A failed request aborts the
 * transaction (Dexie's transaction-level error handler aborts it before the next request runs),
 * so no later request succeeds after one failed.
 */
function currentTransaction(what: string): IDBTransaction {
  const tx = Dexie.currentTransaction?.idbtrans;
  if (!tx) throw new Error(`${what} needs a Dexie transaction`);
  return tx;
}

/** Still counted (AppDb.writeCount): values derived from an earlier read of this store are stale now. */
function countWrite(storeName: string): void {
  (Dexie.currentTransaction!.db as Partial<Pick<AppDb, 'noteWrite'>>).noteWrite?.(storeName);
}

/**
 * Settles when the last request does: requests on one store complete in order, so its success means
 * all succeeded. On failure, rejects with the first failed request's error (an error event bubbles
 * from its request to the transaction), not the AbortError every later request then gets: a full
 * disk or quota must still read as one (utils/messaging/quota-error.ts).
 */
function lastSettled(tx: IDBTransaction, last: IDBRequest): Promise<void> {
  return new Promise((resolve, reject) => {
    let firstError: DOMException | null = null;
    const noteError = (event: Event) => {
      firstError ??= (event.target as IDBRequest).error;
    };
    tx.addEventListener('error', noteError);
    last.onsuccess = () => {
      tx.removeEventListener('error', noteError);
      resolve();
    };
    last.onerror = () => {
      tx.removeEventListener('error', noteError);
      reject(firstError ?? last.error);
    };
  });
}

/**
 * One request per item, in order, settled by the last one (`lastSettled`). A request IndexedDB
 * refuses at once (put() throws DataError or DataCloneError) throws out of here, after the items
 * before it were sent: let it leave the transaction's scope, which makes Dexie abort the whole
 * transaction with that error (aborting it here would reject the transaction with no error at all,
 * and a full disk would no longer read as one).
 */
function requestEach<T>(what: string, storeName: string, items: readonly T[], request: (store: IDBObjectStore, item: T) => IDBRequest): Promise<void> {
  const tx = currentTransaction(what);
  if (items.length === 0) return Promise.resolve();
  countWrite(storeName);
  const store = tx.objectStore(storeName);
  let last: IDBRequest | undefined;
  for (const item of items) last = request(store, item);
  return lastSettled(tx, last!);
}

/**
 * Deletes rows by primary key. Measured in Chromium 156 (2 cores, loaded): Dexie `bulkDelete` of
 * 10,000 buyers rows 1.5–2× a plain per-key delete of the same rows in the same run (issue 11, the
 * purge answers within 1.5× of the plain delete).
 */
export function deleteByKeysInTransaction(storeName: string, keys: readonly IDBValidKey[]): Promise<void> {
  return requestEach('deleteByKeysInTransaction', storeName, keys, (store, key) => store.delete(key));
}

/**
 * Puts rows (inline keys). Dexie's `bulkPut` sets an error handler on every request and reads
 * every result back. Measured in Chromium 156, renderer CPU from /proc for 10,000 sealed buyers
 * rows already sealed, in 20 transactions: Dexie 810 ms, plain puts 630 ms. On 2 cores that CPU
 * is taken from the browser's own storage work (issue 11: sealed capture within 0.9× of a
 * plaintext put).
 */
export function putRowsInTransaction(storeName: string, rows: readonly unknown[]): Promise<void> {
  return requestEach('putRowsInTransaction', storeName, rows, (store, row) => store.put(row));
}

/** Primary keys of an index range, one plain `getAllKeys` request. */
export function primaryKeysInTransaction(storeName: string, indexName: string, range: IDBKeyRange): Promise<IDBValidKey[]> {
  const request = currentTransaction('primaryKeysInTransaction').objectStore(storeName).index(indexName).getAllKeys(range);
  return new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}
