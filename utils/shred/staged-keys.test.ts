import { bytesToHex, randomBytes } from '@noble/hashes/utils.js';
import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { memoryShredFiles } from '../../tests/support/memory-shred-files';
import { AppDb } from '../db/app-db';
import { decodeShredEntries } from './shred-file';
import { createShredKeyStore, type OrderShredKey, shredFileDay, STAGED_DRAIN_AT } from './shred-key-store';
import { stagedKeyRows } from './staged-key-rows';
import { isStagingKeyName, newStagingKey, openStagedKeys, readStagingKeyFile, sealStagedKeys, stagingKeyFile } from './staged-keys';

const key = (orderSn: string, day: number): OrderShredKey => ({ orderSn, day, keyId: randomBytes(16), key: randomBytes(32) });
const DAY = 20_400;

describe('staged key rows', () => {
  it('seal the entries of several days under a staging key and open only with it', () => {
    const staging = newStagingKey();
    const entries = [key('PO-211-1', DAY), key('PO-订单-2', DAY + 1), key('PO-211-3', DAY)];
    const row = sealStagedKeys(staging, entries);
    expect(row.stagingKey).toBe(staging.name);
    const opened = openStagedKeys(staging, row.sealed)!;
    expect(opened.sort((a, b) => a.orderSn.localeCompare(b.orderSn))).toEqual([...entries].sort((a, b) => a.orderSn.localeCompare(b.orderSn)));
    // Another key, even with the same id, opens nothing; nor does a changed byte.
    expect(openStagedKeys({ ...staging, key: randomBytes(32) }, row.sealed)).toBeNull();
    expect(openStagedKeys(newStagingKey(), row.sealed)).toBeNull();
    for (const at of [0, 5, 10, 20, row.sealed.length - 1]) {
      const tampered = row.sealed.slice();
      tampered[at]! ^= 1;
      expect(openStagedKeys(staging, tampered), `byte ${at}`).toBeNull();
    }
    // The key ids and shred keys are not in the row's bytes in the clear.
    const text = bytesToHex(row.sealed);
    for (const e of entries) expect(text.includes(bytesToHex(e.key))).toBe(false);
    // A copy found inside larger bytes (a LevelDB table) opens from its first byte.
    const inFile = new Uint8Array(row.sealed.length + 40);
    inFile.set(row.sealed, 0);
    expect(openStagedKeys(staging, inFile)).toHaveLength(3);
    expect(openStagedKeys(staging, row.sealed.subarray(0, row.sealed.length - 1))).toBeNull();
  });

  it('keep a staging key in a file named by its id', () => {
    const staging = newStagingKey();
    expect(isStagingKeyName(staging.name)).toBe(true);
    expect(shredFileDay(staging.name)).toBeNull();
    expect(readStagingKeyFile(staging.name, stagingKeyFile(staging))).toEqual(staging);
    expect(readStagingKeyFile(newStagingKey().name, stagingKeyFile(staging))).toBeNull();
    expect(readStagingKeyFile(staging.name, stagingKeyFile(staging).subarray(1))).toBeNull();
    expect(readStagingKeyFile(staging.name, null)).toBeNull();
  });
});

/** A worker's store over these files and this database (a second one over the same: the next worker). */
function worker(files = memoryShredFiles(), db = new AppDb(`staging-${crypto.randomUUID()}`)) {
  return { files, db, store: createShredKeyStore(files, stagedKeyRows(db)) };
}

/** What a capture does: stage the keys and write the row in a transaction over shredStaging. */
async function capture(w: ReturnType<typeof worker>, keys: OrderShredKey[]): Promise<void> {
  await w.store.prepareStaging();
  await w.db.transaction('rw', w.db.shredStaging, async () => {
    const row = w.store.stage(keys);
    expect(row).not.toBeNull();
    await w.db.shredStaging.add(row!);
  });
}

const stagingFiles = (files: ReturnType<typeof memoryShredFiles>) => [...files.files.keys()].filter(isStagingKeyName);
const filedKeys = (files: ReturnType<typeof memoryShredFiles>) =>
  [...files.files].filter(([name]) => shredFileDay(name) !== null).flatMap(([, bytes]) => decodeShredEntries(bytes).map((e) => bytesToHex(e.key)));
/** Every shred key that any staged row still opens to, with any staging key on file. */
async function openableStaged(w: ReturnType<typeof worker>): Promise<string[]> {
  const keys = stagingFiles(w.files).map((name) => readStagingKeyFile(name, w.files.files.get(name)!)!);
  return (await w.db.shredStaging.toArray()).flatMap((row) => keys.flatMap((k) => openStagedKeys(k, row.sealed) ?? []).map((e) => bytesToHex(e.key)));
}

describe('shred key store: staging', () => {
  it('a capture stages its keys in one row and writes no day file; lookups find them at once', async () => {
    const w = worker();
    const keys = [key('PO-1', DAY), key('PO-2', DAY + 1)];
    await capture(w, keys);
    expect(stagingFiles(w.files)).toHaveLength(1);
    expect(filedKeys(w.files)).toEqual([]);
    expect(await w.db.shredStaging.count()).toBe(1);
    const ring = await w.store.keyring([DAY, DAY + 1]);
    expect(ring(keys[0]!)).toEqual(keys[0]!.key);
    expect(ring(keys[1]!)).toEqual(keys[1]!.key);
    expect(await w.store.days()).toEqual([DAY, DAY + 1]);
  });

  it('the next worker files what an earlier one staged, moves to a new staging key and deletes the old rows', async () => {
    const first = worker();
    const keys = [key('PO-1', DAY), key('PO-2', DAY)];
    await capture(first, keys);
    const oldStaging = stagingFiles(first.files);

    const next = worker(first.files, first.db);
    const ring = await next.store.keyring([DAY]);
    expect(ring(keys[0]!)).toEqual(keys[0]!.key);
    expect(filedKeys(next.files).sort()).toEqual(keys.map((k) => bytesToHex(k.key)).sort());
    expect(stagingFiles(next.files)).not.toContain(oldStaging[0]);
    await expect.poll(() => next.db.shredStaging.count()).toBe(0);
  });

  it('a deletion naming a staged key removes the staging key that sealed it: the row opens to nothing, the other keys are filed', async () => {
    for (const forget of [
      (store: ReturnType<typeof worker>['store'], gone: OrderShredKey) => store.forgetOrders([gone.orderSn]),
      (store: ReturnType<typeof worker>['store'], gone: OrderShredKey) => store.forgetKeys([gone]),
    ]) {
      const w = worker();
      const gone = key('PO-gone', DAY + 1);
      const kept = [key('PO-1', DAY), key('PO-2', DAY + 1)];
      await capture(w, [gone, ...kept]);
      const [sealedUnder] = stagingFiles(w.files);
      expect(await openableStaged(w)).toHaveLength(3);

      await forget(w.store, gone);
      expect(w.files.removed).toContain(sealedUnder);
      // The row may still be in the database (LevelDB keeps it anyway): no staging key on file opens it.
      expect(await openableStaged(w)).toEqual([]);
      expect(filedKeys(w.files).sort()).toEqual(kept.map((k) => bytesToHex(k.key)).sort());
      const ring = await w.store.keyring([DAY, DAY + 1]);
      expect(ring(gone)).toBeUndefined();
      for (const k of kept) expect(ring(k)).toEqual(k.key);
      // Captures go on under the new staging key.
      const later = key('PO-3', DAY);
      await capture(w, [later]);
      expect((await w.store.keyring([DAY]))(later)).toEqual(later.key);
    }
  });

  it('a deletion that names no staged key leaves the stage alone', async () => {
    const w = worker();
    await w.store.add([key('PO-filed', DAY)]);
    await capture(w, [key('PO-1', DAY)]);
    const before = stagingFiles(w.files);
    await w.store.forgetOrders(['PO-filed']);
    expect(stagingFiles(w.files)).toEqual(before);
    expect(await openableStaged(w)).toHaveLength(1);
  });

  it('a purge drops staged keys of past days with their staging key', async () => {
    const w = worker();
    const past = key('PO-past', DAY - 1);
    const live = key('PO-live', DAY);
    await capture(w, [past, live]);
    await w.store.forgetOrders([], { daysBefore: DAY });
    expect(await openableStaged(w)).toEqual([]);
    expect(filedKeys(w.files)).toEqual([bytesToHex(live.key)]);
    expect((await w.store.keyring([DAY - 1]))(past)).toBeUndefined();
  });

  it('clear all removes every staging key; staging is readied again for the next capture', async () => {
    const w = worker();
    await capture(w, [key('PO-1', DAY)]);
    await w.store.forgetAll();
    expect(await openableStaged(w)).toEqual([]);
    expect(w.store.stage([key('PO-2', DAY)])).toBeNull();
    const later = key('PO-3', DAY);
    await capture(w, [later]);
    expect((await w.store.keyring([DAY]))(later)).toEqual(later.key);
  });

  it('files the stage by day once STAGED_DRAIN_AT keys are staged, without the capture waiting for it', async () => {
    const w = worker();
    const keys = Array.from({ length: STAGED_DRAIN_AT }, (_, i) => key(`PO-${i}`, DAY + (i % 3)));
    await capture(w, keys.slice(0, STAGED_DRAIN_AT - 1));
    expect(filedKeys(w.files)).toEqual([]);
    await capture(w, keys.slice(STAGED_DRAIN_AT - 1));
    await w.store.days(); // the queue's next task: after the drain
    expect(filedKeys(w.files)).toHaveLength(STAGED_DRAIN_AT);
    expect(await openableStaged(w)).toEqual([]);
    const ring = await w.store.keyring([DAY, DAY + 1, DAY + 2]);
    expect(keys.every((k) => bytesToHex(ring(k)!) === bytesToHex(k.key))).toBe(true);
  });

  it('a capture still running when the stage is drained keeps its keys: they are filed, its row is sealed under the removed key', async () => {
    const w = worker();
    const other = key('PO-other', DAY);
    await capture(w, [other]);
    const running = key('PO-running', DAY);
    await w.db.transaction('rw', w.db.shredStaging, async () => {
      const row = w.store.stage([running])!;
      // A deletion drains the stage while this transaction is open (it does not wait for it).
      await Dexie.waitFor(w.store.forgetKeys([other]));
      await w.db.shredStaging.add(row);
    });
    expect(filedKeys(w.files)).toEqual([bytesToHex(running.key)]);
    // The next worker still finds it.
    const next = worker(w.files, w.db);
    expect((await next.store.keyring([DAY]))(running)).toEqual(running.key);
    expect((await next.store.keyring([DAY]))(other)).toBeUndefined();
  });

  it('a row whose staging key file is gone is deleted by the next worker, which opens nothing from it', async () => {
    const w = worker();
    const lost = key('PO-1', DAY);
    await capture(w, [lost]);
    for (const name of stagingFiles(w.files)) w.files.files.delete(name);
    const next = worker(w.files, w.db);
    expect((await next.store.keyring([DAY]))(lost)).toBeUndefined();
    await expect.poll(() => next.db.shredStaging.count()).toBe(0);
  });

  it('a drain that cannot file the keys keeps them staged and their staging key; the deletion fails and can be retried', async () => {
    const w = worker();
    const gone = key('PO-gone', DAY);
    const kept = key('PO-kept', DAY);
    await capture(w, [gone, kept]);
    const [sealedUnder] = stagingFiles(w.files);
    const write = w.files.write;
    w.files.write = async (name, bytes) => {
      if (shredFileDay(name) !== null) throw new DOMException('full', 'QuotaExceededError');
      return write(name, bytes);
    };
    await expect(w.store.forgetOrders(['PO-gone'])).rejects.toThrow('full');
    expect(stagingFiles(w.files)).toContain(sealedUnder);
    expect((await w.store.keyring([DAY]))(kept)).toEqual(kept.key);
    w.files.write = write;
    await w.store.forgetOrders(['PO-gone']);
    expect(stagingFiles(w.files)).not.toContain(sealedUnder);
    expect(filedKeys(w.files)).toEqual([bytesToHex(kept.key)]);
  });

  it('a staging key file a drain could not remove is removed by the next deletion, which fails while it cannot', async () => {
    const w = worker();
    const gone = key('PO-gone', DAY);
    const kept = key('PO-kept', DAY);
    await capture(w, [gone, kept]);
    const [sealedUnder] = stagingFiles(w.files);
    const remove = w.files.remove;
    w.files.remove = async () => {
      throw new DOMException('busy', 'NoModificationAllowedError');
    };
    await expect(w.store.forgetOrders(['PO-gone'])).rejects.toThrow('busy');
    // The keys left the stage for day files, but the old staging key still opens its row.
    expect(await openableStaged(w)).toContain(bytesToHex(gone.key));
    // A later deletion (of anything) still fails while the file cannot go ...
    await expect(w.store.forgetOrders(['PO-other'])).rejects.toThrow('busy');
    w.files.remove = remove;
    // ... and removes it once it can: the retried deletion leaves nothing that opens to the deleted key.
    await w.store.forgetOrders(['PO-gone']);
    expect(stagingFiles(w.files)).not.toContain(sealedUnder);
    expect(await openableStaged(w)).toEqual([]);
    expect(filedKeys(w.files)).toEqual([bytesToHex(kept.key)]);
  });

  it('clear all that fails part-way stages nothing under the old key and loses no staged key', async () => {
    const w = worker();
    const held = key('PO-held', DAY);
    await capture(w, [held]);
    const removeAll = w.files.removeAll;
    w.files.removeAll = async () => {
      for (const name of stagingFiles(w.files)) w.files.files.delete(name); // half done
      throw new DOMException('busy', 'NoModificationAllowedError');
    };
    await expect(w.store.forgetAll()).rejects.toThrow('busy');
    expect(w.store.stage([key('PO-next', DAY)])).toBeNull();
    expect((await w.store.keyring([DAY]))(held)).toEqual(held.key);
    w.files.removeAll = removeAll;
    // The next capture readies a new staging key; the next deletion files what was staged before.
    const later = key('PO-later', DAY);
    await capture(w, [later]);
    await w.store.forgetOrders(['PO-unrelated']);
    expect(filedKeys(w.files)).toContain(bytesToHex(held.key));
    const next = worker(w.files, w.db);
    expect((await next.store.keyring([DAY]))(held)).toEqual(held.key);
    expect((await next.store.keyring([DAY]))(later)).toEqual(later.key);
  });

  it('prepareStaging fails when the staging key cannot be filed; stage then answers null', async () => {
    const w = worker();
    const write = w.files.write;
    w.files.write = async (name, bytes) => {
      if (isStagingKeyName(name)) throw new DOMException('full', 'QuotaExceededError');
      return write(name, bytes);
    };
    await expect(w.store.prepareStaging()).rejects.toThrow('full');
    expect(w.store.stage([key('PO-1', DAY)])).toBeNull();
  });

  it('without a database to stage in, stage answers null (the caller files the keys)', async () => {
    const store = createShredKeyStore(memoryShredFiles());
    await store.prepareStaging();
    expect(store.stage([key('PO-1', DAY)])).toBeNull();
  });
});
