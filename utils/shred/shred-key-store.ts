import { bytesToHex } from '@noble/hashes/utils.js';
import type { ShredKey, ShredKeyLookup, ShredRef } from '../crypto/sealed-box';
import { encodeShredEntries, shredKeyMap, withoutEntries } from './shred-file';

/**
 * Files where deletion is physical (the browser adapter: the Origin Private File System, whose
 * removal unlinks the file at once — docs/deletion-measurements.md). `write` replaces the whole
 * file atomically.
 */
export interface ShredFiles {
  list(): Promise<string[]>;
  read(name: string): Promise<Uint8Array | null>;
  write(name: string, bytes: Uint8Array): Promise<void>;
  /** Adds bytes at the end (the file is created when absent), atomically like `write`. */
  append(name: string, bytes: Uint8Array): Promise<void>;
  remove(name: string): Promise<void>;
  removeAll(): Promise<void>;
}

/** A shred key with the order it belongs to (so deleting an order's data can find it). */
export interface OrderShredKey extends ShredKey {
  orderSn: string;
}

export interface ShredKeyStore {
  /** Files the keys (durably, before the sealed records that need them are committed). */
  add(keys: readonly OrderShredKey[]): Promise<void>;
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

const SUFFIX = '.keys';
const fileName = (day: number) => `${day}${SUFFIX}`;
const dayOf = (name: string): number | null => (/^\d+\.keys$/.test(name) ? Number(name.slice(0, -SUFFIX.length)) : null);

/**
 * The shred key store over `files`: one file per UTC purge day. Every change goes through one queue
 * (captures, purges and notices may run at once in the worker); file bytes are cached in memory.
 */
export function createShredKeyStore(files: ShredFiles): ShredKeyStore {
  const cache = new Map<number, Uint8Array | null>();
  // The days that have a file, as last listed. This store is the files' only writer (one queue in
  // one worker), so the list stays true until it writes; a write drops it. Spares every vault read
  // a directory listing (each read's purge asks for past days' files: export/prepare, issue 11).
  let listed: number[] | null = null;
  let queue: Promise<unknown> = Promise.resolve();
  const serial = <T>(task: () => Promise<T>): Promise<T> => {
    const run = queue.then(task, task);
    queue = run.catch(() => undefined);
    return run;
  };
  const load = async (day: number): Promise<Uint8Array | null> => {
    if (!cache.has(day)) cache.set(day, await files.read(fileName(day)));
    return cache.get(day) ?? null;
  };
  const store = async (day: number, bytes: Uint8Array): Promise<void> => {
    cache.delete(day);
    listed = null;
    if (bytes.length === 0) await files.remove(fileName(day));
    else await files.write(fileName(day), bytes);
    cache.set(day, bytes.length === 0 ? null : bytes);
  };
  const listDays = async (): Promise<number[]> => {
    listed ??= (await files.list())
      .map(dayOf)
      .filter((d): d is number => d !== null)
      .sort((a, b) => a - b);
    return [...listed];
  };
  const rewrite = async (drop: { orderSns?: ReadonlySet<string>; keyIds?: ReadonlySet<string> }, days: number[]): Promise<number> => {
    let changed = 0;
    for (const day of days) {
      const bytes = await load(day);
      const next = bytes && withoutEntries(bytes, drop);
      if (next) {
        await store(day, next);
        changed++;
      }
    }
    return changed;
  };

  return {
    add: (keys) =>
      serial(async () => {
        const byDay = new Map<number, OrderShredKey[]>();
        for (const k of keys) {
          const list = byDay.get(k.day);
          if (list) list.push(k);
          else byDay.set(k.day, [k]);
        }
        // Appended, not rewritten: a day's file grows with every capture whose purge falls on it,
        // and rewriting it whole made each capture cost the size of the file (issue 11).
        for (const [day, dayKeys] of byDay) {
          const added = encodeShredEntries(dayKeys);
          const cached = cache.get(day);
          cache.delete(day);
          // A new day's file must be in the list a purge walks (else its keys would outlive it).
          if (listed !== null && !listed.includes(day)) listed = null;
          await files.append(fileName(day), added);
          if (cached !== undefined) {
            const next = new Uint8Array((cached?.length ?? 0) + added.length);
            if (cached) next.set(cached);
            next.set(added, cached?.length ?? 0);
            cache.set(day, next);
          }
        }
      }),
    keyring: (days) =>
      serial(async () => {
        const maps = new Map<number, Map<string, Uint8Array>>();
        for (const day of new Set(days)) {
          const bytes = await load(day);
          maps.set(day, bytes ? shredKeyMap(bytes) : new Map());
        }
        return (ref) => maps.get(ref.day)?.get(bytesToHex(ref.keyId));
      }),
    forgetOrders: (orderSns, options = {}) =>
      serial(async () => {
        const sns = new Set(orderSns);
        const all = await listDays();
        const { daysBefore } = options;
        let changed = 0;
        for (const day of all) {
          if (daysBefore !== undefined && day < daysBefore) {
            await store(day, new Uint8Array(0));
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
        return rewrite({ keyIds: ids }, [...new Set(refs.map((r) => r.day))]);
      }),
    forgetAll: () =>
      serial(async () => {
        cache.clear();
        listed = null;
        await files.removeAll();
      }),
    days: () => serial(listDays),
  };
}
