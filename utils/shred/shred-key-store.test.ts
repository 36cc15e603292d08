import { bytesToHex, randomBytes } from '@noble/hashes/utils.js';
import { describe, expect, it } from 'vitest';
import { memoryShredFiles } from '../../tests/support/memory-shred-files';
import { decodeShredEntries, encodeShredEntries } from './shred-file';
import { createShredKeyStore, type OrderShredKey } from './shred-key-store';
import { firstLiveShredDay, shredDayOf } from './shred-day';

const key = (orderSn: string, day: number): OrderShredKey => ({ orderSn, day, keyId: randomBytes(16), key: randomBytes(32) });

describe('shred file', () => {
  it('round-trips entries, including non-ASCII order numbers, and ignores a truncated tail', () => {
    const entries = [key('PO-211-1', 1), key('PO-订单-2', 1)].map(({ orderSn, keyId, key }) => ({ orderSn, keyId, key }));
    const bytes = encodeShredEntries(entries);
    expect(decodeShredEntries(bytes)).toEqual(entries);
    // A write cut short keeps the whole entries before it.
    expect(decodeShredEntries(bytes.subarray(0, bytes.length - 3))).toEqual(entries.slice(0, 1));
  });

  it('refuses order numbers it cannot file', () => {
    expect(() => encodeShredEntries([{ orderSn: '', keyId: randomBytes(16), key: randomBytes(32) }])).toThrow(RangeError);
    expect(() => encodeShredEntries([{ orderSn: 'x'.repeat(256), keyId: randomBytes(16), key: randomBytes(32) }])).toThrow(RangeError);
  });
});

describe('shred key store', () => {
  it('files keys per day and finds them by day and id', async () => {
    const files = memoryShredFiles();
    const store = createShredKeyStore(files);
    const a = key('PO-1', 20_400);
    const b = key('PO-2', 20_401);
    await store.add([a, b]);
    expect([...files.files.keys()].sort()).toEqual(['20400.keys', '20401.keys']);
    const ring = await store.keyring([20_400, 20_401]);
    expect(ring(a)).toEqual(a.key);
    expect(ring(b)).toEqual(b.key);
    expect(ring({ day: 20_400, keyId: b.keyId })).toBeUndefined();
    // A fresh store over the same files (a worker woken again) reads what was filed.
    expect((await createShredKeyStore(files).keyring([20_401]))(b)).toEqual(b.key);
  });

  it('appends a capture’s keys to its day file: earlier keys are never rewritten', async () => {
    const files = memoryShredFiles();
    const appended: number[] = [];
    const counting = {
      ...files,
      write: async () => Promise.reject(new Error('add must not rewrite a file')),
      append: async (name: string, bytes: Uint8Array) => {
        appended.push(bytes.length);
        await files.append(name, bytes);
      },
    };
    const store = createShredKeyStore(counting);
    const first = [key('PO-1', 20_400), key('PO-2', 20_400)];
    const second = [key('PO-3', 20_400)];
    await store.keyring([20_400]); // the day is cached (absent) before the adds
    await store.add(first);
    await store.add(second);
    // Each add sends its own entries only (53 bytes + the order number each).
    expect(appended).toEqual([2 * (53 + 4), 53 + 4]);
    const ring = await store.keyring([20_400]);
    for (const k of [...first, ...second]) expect(ring(k)).toEqual(k.key);
    const fresh = await createShredKeyStore(files).keyring([20_400]);
    for (const k of [...first, ...second]) expect(fresh(k)).toEqual(k.key);
  });

  it('a purge removes whole files of past days and the due orders’ keys of later days', async () => {
    const files = memoryShredFiles();
    const store = createShredKeyStore(files);
    const past = key('PO-old', 100);
    const todayDue = key('PO-due', 101);
    const todayLater = key('PO-later', 101);
    const moved = key('PO-moved', 130); // sealed when due on day 130, then brought forward
    await store.add([past, todayDue, todayLater, moved]);
    await store.forgetOrders(['PO-due', 'PO-moved', 'PO-old'], { daysBefore: 101 });
    expect(files.removed).toContain('100.keys');
    const ring = await store.keyring([100, 101, 130]);
    expect([past, todayDue, moved].map((k) => ring(k))).toEqual([undefined, undefined, undefined]);
    expect(ring(todayLater)).toEqual(todayLater.key);
    // No byte of a forgotten key is left in any file.
    const all = Buffer.concat([...files.files.values()]);
    for (const k of [past, todayDue, moved]) expect(all.includes(Buffer.from(k.key))).toBe(false);
    expect(files.files.has('130.keys')).toBe(false); // emptied files are removed, not kept empty
  });

  it('forgets single keys and everything', async () => {
    const files = memoryShredFiles();
    const store = createShredKeyStore(files);
    const held = key('PO-1', 5);
    const pending = key('PO-1', 5);
    await store.add([held, pending]);
    expect(await store.forgetKeys([pending])).toBe(1);
    const ring = await store.keyring([5]);
    expect(ring(held)).toEqual(held.key);
    expect(ring(pending)).toBeUndefined();
    await store.forgetAll();
    expect(files.files.size).toBe(0);
    expect(await store.days()).toEqual([]);
    expect((await store.keyring([5]))(held)).toBeUndefined();
  });

  it('runs changes one after another: concurrent adds and a forget lose nothing', async () => {
    const files = memoryShredFiles();
    const store = createShredKeyStore(files);
    const keys = Array.from({ length: 40 }, (_, i) => key(`PO-${i}`, 7));
    await Promise.all([...keys.map((k) => store.add([k])), store.forgetOrders(['PO-3'])]);
    const stored = decodeShredEntries(files.files.get('7.keys')!);
    const ids = new Set(stored.map((e) => bytesToHex(e.keyId)));
    // PO-3 was added before the forget ran (queue order), so it is gone; every other key is there.
    expect(ids.size).toBe(39);
    for (const k of keys) expect(ids.has(bytesToHex(k.keyId))).toBe(k.orderSn !== 'PO-3');
  });

  it('lists the files once until it writes: a read with nothing due asks the directory nothing', async () => {
    const files = memoryShredFiles();
    let listings = 0;
    const list = files.list;
    files.list = () => {
      listings++;
      return list();
    };
    const store = createShredKeyStore(files);
    await store.add([key('PO-1', 50), key('PO-2', 60)]);
    expect(await store.days()).toEqual([50, 60]);
    await store.forgetOrders([], { daysBefore: 40 });
    await store.forgetOrders([], { daysBefore: 40 });
    expect(listings).toBe(1);
    // A write changes the list: read again, and a purge of a past day finds the file.
    await store.add([key('PO-3', 30)]);
    expect(await store.forgetOrders([], { daysBefore: 40 })).toBe(1);
    expect(await store.days()).toEqual([50, 60]);
    expect(files.files.has('30.keys')).toBe(false);
    await store.forgetAll();
    expect(await store.days()).toEqual([]);
  });

  it('a write that fails leaves the previous file and no stale cache', async () => {
    const files = memoryShredFiles();
    const store = createShredKeyStore(files);
    const first = key('PO-1', 9);
    await store.add([first]);
    const { write, append } = files;
    files.write = files.append = async () => {
      throw new DOMException('quota', 'QuotaExceededError');
    };
    await expect(store.add([key('PO-2', 9)])).rejects.toThrow('quota');
    Object.assign(files, { write, append });
    const ring = await store.keyring([9]);
    expect(ring(first)).toEqual(first.key);
    expect(decodeShredEntries(files.files.get('9.keys')!)).toHaveLength(1);
  });
});

describe('shred days', () => {
  it('files by the UTC day of the purge time; a purge at now removes only days before today', () => {
    const purgeAt = Date.UTC(2026, 11, 29, 23, 59, 59, 999);
    expect(shredDayOf(purgeAt)).toBe(shredDayOf(Date.UTC(2026, 11, 29)));
    expect(shredDayOf(purgeAt + 1)).toBe(shredDayOf(purgeAt) + 1);
    // Every key filed under an earlier day belongs to a record due by now.
    expect(firstLiveShredDay(purgeAt + 1)).toBe(shredDayOf(purgeAt) + 1);
    expect(firstLiveShredDay(purgeAt)).toBe(shredDayOf(purgeAt));
  });
});
