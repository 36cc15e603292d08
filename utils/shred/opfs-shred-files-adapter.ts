import type { AppDb } from '../db/app-db';
import { stagedKeyRows } from './staged-key-rows';
import { createShredKeyStore, type ShredFiles, type ShredKeyStore } from './shred-key-store';

/** The worker's shred key store: files in OPFS `shred-keys`, staged rows in `db`. */
export function opfsShredKeyStore(db: AppDb): ShredKeyStore {
  return createShredKeyStore(opfsShredFiles('shred-keys'), stagedKeyRows(db));
}

/**
 * Shred files in the Origin Private File System of the extension (service worker). Measured in
 * this Chromium: removing an OPFS file leaves none of its bytes in the profile directory, at once
 * (IndexedDB and storage.local keep deleted values until LevelDB compacts) — see
 * docs/deletion-measurements.md. `createWritable` writes a swap file and swaps it in on close, so
 * a worker stopped mid-write leaves the previous file whole.
 */
export function opfsShredFiles(directoryName: string): ShredFiles {
  let dir: Promise<FileSystemDirectoryHandle> | null = null;
  const directory = () => {
    dir ??= navigator.storage.getDirectory().then((root) => root.getDirectoryHandle(directoryName, { create: true }));
    return dir;
  };
  const isNotFound = (err: unknown) => err instanceof DOMException && err.name === 'NotFoundError';
  return {
    async list() {
      const names: string[] = [];
      // keys() is async-iterable in Chromium; TypeScript's DOM lib lacks it for directory handles.
      const handle = (await directory()) as unknown as { keys(): AsyncIterable<string> };
      for await (const name of handle.keys()) names.push(name);
      return names;
    },
    async read(name) {
      try {
        const file = await (await (await directory()).getFileHandle(name)).getFile();
        return new Uint8Array(await file.arrayBuffer());
      } catch (err) {
        if (isNotFound(err)) return null;
        throw err;
      }
    },
    async write(name, bytes) {
      const handle = await (await directory()).getFileHandle(name, { create: true });
      const writable = await handle.createWritable();
      await writable.write(bytes as Uint8Array<ArrayBuffer>);
      await writable.close();
    },
    async remove(name) {
      try {
        await (await directory()).removeEntry(name);
      } catch (err) {
        if (!isNotFound(err)) throw err;
      }
    },
    async removeAll() {
      const root = await navigator.storage.getDirectory();
      dir = null;
      try {
        await root.removeEntry(directoryName, { recursive: true });
      } catch (err) {
        if (!isNotFound(err)) throw err;
      }
    },
  };
}
