import { bytesToHex, concatBytes, randomBytes } from '@noble/hashes/utils.js';
import type { ShredKey, ShredKeyLookup, ShredRef } from '../crypto/sealed-box';
import { keysByDay } from './shred-day';
import { encodeShredEntries, entryDrop, shredKeyMap, wholeEntries, withoutEntries } from './shred-file';
import type { StagedKeyRow } from '../db/records';
import { isStagingKeyName, newStagingKey, openStagedKeys, readStagingKeyFile, sealStagedKeys, type StagingKey, stagingKeyFile } from './staged-keys';

/**
 * Files where deletion is physical (the browser adapter: the Origin Private File System, whose
 * removal unlinks the file at once — docs/deletion-measurements.md). `write` creates or replaces
 * a whole file atomically.
 */
export interface ShredFiles {
  list(): Promise<string[]>;
  read(name: string): Promise<Uint8Array | null>;
  write(name: string, bytes: Uint8Array): Promise<void>;
  remove(name: string): Promise<void>;
  removeAll(): Promise<void>;
}

/** A shred key with the order it belongs to (so deleting an order's data can find it). */
export interface OrderShredKey extends ShredKey {
  orderSn: string;
}

/** The `shredStaging` rows (utils/shred/staged-key-rows.ts over the app's IndexedDB). */
export interface StagedKeyRows {
  readAll(): Promise<StagedKeyRow[]>;
  /** Deletes the rows sealed under these staging keys (files gone: nobody can open them any more). */
  deleteUnder(stagingKeys: readonly string[]): Promise<void>;
}

export interface ShredKeyStore {
  /** Files the keys (durably, before the sealed records that need them are committed). */
  add(keys: readonly OrderShredKey[]): Promise<void>;
  /**
   * Readies staging: loads what an earlier worker staged (and files it by day) and puts a staging
   * key on file. Call before opening a transaction that will `stage`, and include `shredStaging` in
   * that transaction's scope only when this succeeded: the load reads `shredStaging` in a
   * transaction of its own from this store's queue, which must never wait for a transaction that
   * waits for the queue.
   */
  prepareStaging(): Promise<void>;
  /**
   * The keys sealed under the current staging key, as one `shredStaging` row for the caller to put
   * in the transaction that writes their records (the row and the records commit together); null
   * when staging is not ready or not available (then `add` them). Synchronous, so the caller's
   * transaction stays open.
   */
  stage(keys: readonly OrderShredKey[]): StagedKeyRow | null;
  /** A lookup over the keys of these days, for opening records. */
  keyring(days: Iterable<number>): Promise<ShredKeyLookup>;
  /**
   * Deletes the keys of these orders wherever they are filed; with `daysBefore`, also every file of
   * an earlier day (a purge: those days' records are all due). Returns the files changed or removed.
   */
  forgetOrders(orderSns: Iterable<string>, options?: { daysBefore?: number }): Promise<number>;
  /** Deletes single keys (an address replaced or dropped on review). */
  forgetKeys(refs: readonly ShredRef[]): Promise<number>;
  /** Every key (clear all, vault reset). */
  forgetAll(): Promise<void>;
  /** Days that have a file. */
  days(): Promise<number[]>;
}

/**
 * A day's keys live in `<day>.keys` (the day's merged file) and in `<day>.<segment>.keys`, one new
 * file per `add` or drain (a drain files many capture batches' staged keys). A new file, not an append: measured in Chromium from an
 * extension page, an append (`createWritable({ keepExistingData: true })`, seek to the end) took
 * 8–22 ms against 5–10 ms for a new file of the same 40 KB, and the sealed capture writer with new
 * files came ~0.1 closer to a plaintext put (issue 11; docs/decisions.md 2026-12-03 "Shred keys
 * in one new file per capture"). Segments are merged into the day file once there are
 * MERGE_SEGMENTS_AT of them, after the add that made them and not awaited by it, so a read opens
 * a bounded number of files per day.
 */
const SUFFIX = '.keys';
export const MERGE_SEGMENTS_AT = 8;
/**
 * Staged keys filed by day once there are this many (ten capture batches of 500): bounds what a
 * worker's start decrypts and files, and what each lookup scans.
 */
export const STAGED_DRAIN_AT = 5_000;
const mergedName = (day: number) => `${day}${SUFFIX}`;
const segmentName = (day: number) => `${day}.${bytesToHex(randomBytes(8))}${SUFFIX}`;

/** The day a shred file belongs to; null for a name that is not one. */
export function shredFileDay(name: string): number | null {
  const match = /^(\d+)(?:\.[0-9a-f]+)?\.keys$/.exec(name);
  return match ? Number(match[1]) : null;
}

/**
 * The shred key store over `files`. Every change goes through one queue (captures, purges and
 * notices may run at once in the worker). This store is the files' only writer (one queue in one
 * worker), so what it listed and read stays true while it keeps both up to date with its own writes:
 * file bytes and the day → files list are cached in memory (a vault read then asks the directory
 * nothing: each read's purge asks for past days' files, export/prepare, issue 11).
 *
 * Staging (with `stagedRows`): a capture batch's keys need no file of their own. `stage` seals them
 * under the current staging key into one row that the batch's own transaction writes (staged-keys.ts);
 * they stay in memory here too, where lookups find them. The staging key's file is the only copy of
 * that key, so removing the file is what deletes every row sealed under it. A drain files the staged
 * keys by day (as `add` does) and moves to a new staging key: before any deletion that names a staged
 * key (so the deletion then rewrites or removes files as before), once STAGED_DRAIN_AT are staged,
 * and when a worker starts with keys an earlier one staged.
 */
export function createShredKeyStore(files: ShredFiles, stagedRows?: StagedKeyRows): ShredKeyStore {
  const contents = new Map<string, Uint8Array | null>();
  let filesByDay: Map<number, string[]> | null = null;
  let queue: Promise<unknown> = Promise.resolve();
  const serial = <T>(task: () => Promise<T>): Promise<T> => {
    const run = queue.then(task, task);
    queue = run.catch(() => undefined);
    return run;
  };
  /** The key `stage` seals under now. */
  let staging: StagingKey | null = null;
  /** Staging key files that may still have rows sealed under them (the current one included). */
  let stagingFiles: string[] = [];
  /** Every key staged under a staging key whose file still exists, in memory for lookups. */
  let staged: OrderShredKey[] = [];
  let loaded = !stagedRows;
  let drainQueued = false;
  const listing = async (): Promise<Map<number, string[]>> => {
    if (!filesByDay) {
      const byDay = new Map<number, string[]>();
      for (const name of await files.list()) {
        const day = shredFileDay(name);
        if (day !== null) byDay.set(day, [...(byDay.get(day) ?? []), name]);
      }
      filesByDay = byDay;
    }
    return filesByDay;
  };
  const listedDays = async (): Promise<number[]> => [...(await listing()).keys()].sort((a, b) => a - b);
  const namesOf = async (day: number): Promise<string[]> => [...((await listing()).get(day) ?? [])];
  const read = async (name: string): Promise<Uint8Array | null> => {
    if (!contents.has(name)) contents.set(name, await files.read(name));
    return contents.get(name) ?? null;
  };
  /** Writes (or, when empty, removes) one file of `day`, keeping the caches true. */
  const store = async (day: number, name: string, bytes: Uint8Array): Promise<void> => {
    try {
      if (bytes.length === 0) await files.remove(name);
      else await files.write(name, bytes);
    } catch (err) {
      // The file may be in either state now: read and list it again when next needed.
      contents.delete(name);
      filesByDay = null;
      throw err;
    }
    const names = filesByDay?.get(day)?.filter((n) => n !== name) ?? [];
    if (bytes.length > 0) names.push(name);
    if (filesByDay && names.length > 0) filesByDay.set(day, names);
    else filesByDay?.delete(day);
    if (bytes.length === 0) contents.delete(name);
    else contents.set(name, bytes);
  };
  const rewrite = async (dropping: { orderSns?: ReadonlySet<string>; keyIds?: ReadonlySet<string> }, days: number[]): Promise<number> => {
    const drop = entryDrop(dropping);
    let changed = 0;
    for (const day of days) {
      for (const name of await namesOf(day)) {
        const bytes = await read(name);
        const next = bytes && withoutEntries(bytes, drop);
        if (next) {
          await store(day, name, next);
          changed++;
        }
      }
    }
    return changed;
  };
  /**
   * Folds a day's segments into its merged file: the merged file is replaced first (atomically),
   * then the segments are removed. A worker stopped in between leaves keys filed twice, which no
   * lookup or deletion minds (a deletion drops every entry that matches).
   */
  const mergeDay = async (day: number): Promise<void> => {
    const names = await namesOf(day);
    const segments = names.filter((n) => n !== mergedName(day));
    if (segments.length < MERGE_SEGMENTS_AT) return;
    const parts: Uint8Array[] = [];
    for (const name of names) {
      const bytes = await read(name);
      // A write cut short mid-entry would shift every entry after it in the merged file.
      if (bytes) parts.push(wholeEntries(bytes));
    }
    await store(day, mergedName(day), concatBytes(...parts));
    for (const name of segments) await store(day, name, new Uint8Array(0));
  };

  /** One new file per day of `keys` (run in the queue). */
  const fileKeys = async (keys: readonly OrderShredKey[]): Promise<void> => {
    const byDay = keysByDay(keys);
    for (const [day, dayKeys] of byDay) await store(day, segmentName(day), encodeShredEntries(dayKeys));
    // Merging is the queue's next task, not part of this one (whose caller may hold a transaction open for it).
    for (const day of byDay.keys()) serial(() => mergeDay(day)).catch(() => undefined);
  };
  const newStaging = async (): Promise<StagingKey> => {
    const next = newStagingKey();
    await files.write(next.name, stagingKeyFile(next));
    return next;
  };
  /**
   * Files the staged keys by day (except those `dropped` names) and removes every older staging
   * key's file, after sealing later stages under a new key (run in the queue). A capture still
   * running under an older key has its keys in `staged` already, so they are filed here; its row,
   * committed after, is sealed under a key that no longer exists. A worker stopped in between
   * leaves keys staged and filed both, which no lookup or deletion minds.
   */
  const drainStaged = async (dropped?: (key: OrderShredKey) => boolean): Promise<void> => {
    const next = await newStaging();
    const moving = staged;
    const retired = stagingFiles;
    staging = next;
    staged = [];
    stagingFiles = [next.name];
    try {
      await fileKeys(dropped ? moving.filter((k) => !dropped(k)) : moving);
    } catch (err) {
      staged = moving.concat(staged);
      stagingFiles = retired.concat(stagingFiles);
      throw err;
    }
    for (const [i, name] of retired.entries()) {
      try {
        await files.remove(name);
      } catch (err) {
        stagingFiles = retired.slice(i).concat(stagingFiles); // removed by the next drain
        throw err;
      }
    }
    // Unreadable now; deleted so the table stays small (not awaited: nobody waits for garbage).
    stagedRows?.deleteUnder(retired).catch(() => undefined);
  };
  /** Once per worker: what an earlier worker staged is filed by day now (run in the queue). */
  const loadStaged = async (): Promise<void> => {
    if (loaded || !stagedRows) return;
    const names = (await files.list()).filter(isStagingKeyName);
    const keys = new Map<string, StagingKey>();
    for (const name of names) {
      const key = readStagingKeyFile(name, await files.read(name));
      if (key) keys.set(name, key);
    }
    const unopenable = new Set<string>();
    for (const row of await stagedRows.readAll()) {
      const key = keys.get(row.stagingKey);
      const entries = key ? openStagedKeys(key, row.sealed) : null;
      if (entries) for (const entry of entries) staged.push(entry);
      else unopenable.add(row.stagingKey);
    }
    stagingFiles = names;
    loaded = true;
    if (staged.length > 0 || names.length > 0) await drainStaged();
    if (unopenable.size > 0) stagedRows.deleteUnder([...unopenable]).catch(() => undefined);
  };
  /**
   * Drains first when a deletion names a staged key, or when an older staging key's file is still
   * there (an earlier drain could not remove it: the keys it sealed are filed, but its rows would
   * still open to them, deleted ones included), run in the queue. A removal that fails again fails
   * the deletion.
   */
  const drainIfStaged = async (dropped: (key: OrderShredKey) => boolean): Promise<void> => {
    await loadStaged();
    const olderKeyLeft = stagingFiles.some((name) => name !== staging?.name);
    if (olderKeyLeft || staged.some(dropped)) await drainStaged(dropped);
  };

  return {
    add: (keys) => serial(() => fileKeys(keys)),
    prepareStaging: () =>
      !stagedRows || (loaded && staging)
        ? Promise.resolve()
        : serial(async () => {
            await loadStaged();
            if (staging) return;
            staging = await newStaging();
            stagingFiles.push(staging.name);
          }),
    stage(keys) {
      if (!staging) return null;
      const row = sealStagedKeys(staging, keys);
      for (const key of keys) staged.push(key);
      if (staged.length >= STAGED_DRAIN_AT && !drainQueued) {
        drainQueued = true;
        serial(async () => {
          drainQueued = false;
          if (staged.length >= STAGED_DRAIN_AT) await drainStaged();
        }).catch(() => undefined);
      }
      return row;
    },
    keyring: (days) =>
      serial(async () => {
        await loadStaged();
        const maps = new Map<number, Map<string, Uint8Array>>();
        for (const day of new Set(days)) {
          const map = new Map<string, Uint8Array>();
          for (const name of await namesOf(day)) {
            const bytes = await read(name);
            if (bytes) for (const [id, key] of shredKeyMap(bytes)) map.set(id, key);
          }
          maps.set(day, map);
        }
        for (const entry of staged) maps.get(entry.day)?.set(bytesToHex(entry.keyId), entry.key);
        return (ref) => maps.get(ref.day)?.get(bytesToHex(ref.keyId));
      }),
    forgetOrders: (orderSns, options = {}) =>
      serial(async () => {
        const sns = new Set(orderSns);
        const { daysBefore } = options;
        await drainIfStaged((k) => (daysBefore !== undefined && k.day < daysBefore) || sns.has(k.orderSn));
        // Deleting keys trusts the directory, not this store's memory of it: listed afresh (one
        // listing; a read whose purge finds nothing due keeps the list it has).
        if (sns.size > 0) filesByDay = null;
        const all = await listedDays();
        let changed = 0;
        for (const day of daysBefore === undefined ? [] : all.filter((d) => d < daysBefore)) {
          for (const name of await namesOf(day)) {
            await store(day, name, new Uint8Array(0));
            changed++;
          }
        }
        if (sns.size > 0) changed += await rewrite({ orderSns: sns }, daysBefore === undefined ? all : all.filter((d) => d >= daysBefore));
        return changed;
      }),
    forgetKeys: (refs) =>
      serial(async () => {
        if (refs.length === 0) return 0;
        const ids = new Set(refs.map((r) => bytesToHex(r.keyId)));
        await drainIfStaged((k) => ids.has(bytesToHex(k.keyId)));
        filesByDay = null; // as forgetOrders: the directory, not the list in memory
        return rewrite({ keyIds: ids }, [...new Set(refs.map((r) => r.day))]);
      }),
    forgetAll: () =>
      serial(async () => {
        contents.clear();
        filesByDay = null;
        const retired = stagingFiles;
        // Nothing is staged under a key whose file may be half removed (a failed removal leaves the
        // keys in memory, filed by the next drain; the next capture readies a new staging key).
        staging = null;
        await files.removeAll();
        // The staging keys went with the directory: staged rows are unreadable from here on.
        filesByDay = new Map();
        staged = [];
        stagingFiles = [];
        loaded = true;
        stagedRows?.deleteUnder(retired).catch(() => undefined);
      }),
    days: () =>
      serial(async () => {
        await loadStaged();
        return [...new Set([...(await listedDays()), ...staged.map((k) => k.day)])].sort((a, b) => a - b);
      }),
  };
}
