import type { AppDb } from '../../utils/db/app-db';
import { createShredKeyStore, type ShredFiles, type ShredKeyStore } from '../../utils/shred/shred-key-store';
import { stagedKeyRows } from '../../utils/shred/staged-key-rows';

/**
 * Shred files held in memory: for unit tests and Node benches (the browser uses OPFS). `removed`
 * lists every file deleted, so tests can check what a deletion reached.
 */
export function memoryShredFiles(): ShredFiles & { files: Map<string, Uint8Array>; removed: string[] } {
  const files = new Map<string, Uint8Array>();
  const removed: string[] = [];
  return {
    files,
    removed,
    list: async () => [...files.keys()],
    read: async (name) => files.get(name)?.slice() ?? null,
    write: async (name, bytes) => {
      files.set(name, bytes.slice());
    },
    remove: async (name) => {
      if (files.delete(name)) removed.push(name);
    },
    removeAll: async () => {
      removed.push(...files.keys());
      files.clear();
    },
  };
}

/**
 * A shred key store over in-memory files (each call: a fresh, empty store); with `db`, captures
 * stage their keys in its `shredStaging` as in the worker.
 */
export function memoryShredKeys(files = memoryShredFiles(), db?: AppDb): ShredKeyStore {
  return createShredKeyStore(files, db ? stagedKeyRows(db) : undefined);
}
