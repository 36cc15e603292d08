import { browser } from 'wxt/browser';

/**
 * Trusted copies of the two storage.local records content scripts read (`consent`, `settings`),
 * issue 16: content scripts can WRITE storage.local too (Chromium gives them the whole area; an
 * access level exists only for storage.session), so a compromised or confused content-script
 * context could authorize a shop or turn cookie use back on. The background therefore keeps the
 * authoritative value in the extension's own IndexedDB, which only extension pages and the worker
 * can open (a content script's IndexedDB is the page's origin's), and writes storage.local only as
 * a mirror for the seller-center script. Every background decision reads the trusted copy.
 */
const DB_NAME = 'seller-vault-trusted';
const STORE = 'copies';

let connection: Promise<IDBDatabase> | null = null;

function open(): Promise<IDBDatabase> {
  connection ??= new Promise<IDBDatabase>((resolve, reject) => {
    const request = indexedDB.open(DB_NAME, 1);
    request.onupgradeneeded = () => request.result.createObjectStore(STORE);
    request.onsuccess = () => {
      const db = request.result;
      // Someone deletes or upgrades the database (e.g. a reset): let go, reopen on next use.
      db.onversionchange = () => {
        db.close();
        connection = null;
      };
      resolve(db);
    };
    request.onerror = () => {
      connection = null;
      reject(request.error);
    };
  });
  return connection;
}

async function inStore<T>(mode: IDBTransactionMode, act: (store: IDBObjectStore) => IDBRequest<T>): Promise<T> {
  const db = await open();
  return new Promise<T>((resolve, reject) => {
    const tx = db.transaction(STORE, mode);
    const request = act(tx.objectStore(STORE));
    tx.oncomplete = () => resolve(request.result);
    tx.onerror = () => reject(tx.error ?? request.error);
    tx.onabort = () => reject(tx.error ?? new Error('trusted copy transaction aborted'));
  });
}

/** Keys of storage.local that are mirrors of a trusted copy. */
export type MirroredKey = 'consent' | 'settings';

/**
 * One queue per key for writes and mirror checks: a check that read the mirror before a write
 * finished, then the trusted copy after it, took the background's own write for tampering (a
 * false `security.mirror-restored` on a fresh install, seen in the compliance e2e).
 */
const queues = new Map<MirroredKey, Promise<unknown>>();

export function inKeyQueue<T>(key: MirroredKey, job: () => Promise<T>): Promise<T> {
  const result = (queues.get(key) ?? Promise.resolve()).then(job);
  // A failed job does not stop the queue (its caller gets the error).
  queues.set(
    key,
    result.catch(() => undefined),
  );
  return result;
}

/**
 * The trusted value of `key`. On the first read after this copy was introduced (no trusted value
 * yet) the storage.local value is adopted once: it is what the extension trusted until then. The
 * adoption is get-or-put in one transaction, so it never overwrites a write that landed meanwhile.
 */
export async function readTrustedCopy(key: MirroredKey): Promise<unknown> {
  const held = await inStore('readonly', (store) => store.get(key));
  if (held !== undefined) return (held as { value: unknown }).value;
  const legacy = (await browser.storage.local.get(key))[key];
  const db = await open();
  return new Promise((resolve, reject) => {
    const tx = db.transaction(STORE, 'readwrite');
    const store = tx.objectStore(STORE);
    let value: unknown = legacy;
    const current = store.get(key);
    current.onsuccess = () => {
      if (current.result === undefined) store.put({ value: legacy ?? null }, key);
      else value = (current.result as { value: unknown }).value;
    };
    tx.oncomplete = () => resolve(value);
    tx.onerror = () => reject(tx.error);
    tx.onabort = () => reject(tx.error ?? new Error('trusted copy transaction aborted'));
  });
}

const recentWrites: string[] = [];

/** Writes the trusted copy, then its mirror for content scripts. */
export function writeTrustedCopy(key: MirroredKey, value: unknown): Promise<void> {
  return inKeyQueue(key, async () => {
    await inStore('readwrite', (store) => store.put({ value }, key));
    // Remembered so the guard below does not take this mirror write, arriving late, for tampering.
    recentWrites.push(`${key}:${JSON.stringify(value)}`);
    if (recentWrites.length > 16) recentWrites.shift();
    await browser.storage.local.set({ [key]: value });
  });
}

/** True when `key` was recently written by this worker with exactly this JSON (a late mirror event). */
export function isRecentOwnWrite(key: MirroredKey, json: string): boolean {
  return recentWrites.includes(`${key}:${json}`);
}

/** Puts the trusted value back into the mirror (removes the mirror when there is none). */
export async function restoreMirror(key: MirroredKey, trusted: unknown): Promise<void> {
  if (trusted === undefined || trusted === null) await browser.storage.local.remove(key);
  else await browser.storage.local.set({ [key]: trusted });
}
