import { bytesToHex, randomBytes } from '@noble/hashes/utils.js';
import { describe, expect, it } from 'vitest';
import { memoryShredFiles } from '../../tests/support/memory-shred-files';
import { decodeShredEntries, encodeShredEntries, entryDrop, withoutEntries } from './shred-file';
import { createShredKeyStore, MERGE_SEGMENTS_AT, shredFileDay, type OrderShredKey } from './shred-key-store';
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

  it('drops entries by order or key id wherever they are, keeps the rest in order, and leaves a file with none alone', () => {
    const entries = ['PO-1', 'PO-2', 'PO-3', 'PO-4', 'PO-5'].map((orderSn) => ({ orderSn, keyId: randomBytes(16), key: randomBytes(32) }));
    const bytes = encodeShredEntries(entries);
    const drop = entryDrop({ orderSns: new Set(['PO-1', 'PO-5']), keyIds: new Set([bytesToHex(entries[2]!.keyId)]) });
    expect(decodeShredEntries(withoutEntries(bytes, drop)!)).toEqual([entries[1], entries[3]]);
    expect(withoutEntries(bytes, entryDrop({ orderSns: new Set(['PO-9']) }))).toBeNull();
    // A truncated tail is not written back.
    const cut = bytes.subarray(0, bytes.length - 3);
    expect(decodeShredEntries(withoutEntries(cut, entryDrop({ orderSns: new Set(['PO-2']) }))!)).toEqual([entries[0], entries[2], entries[3]]);
    expect(withoutEntries(cut, entryDrop({ orderSns: new Set(['PO-2']) }))!.length).toBe(3 * (53 + 4));
  });

  it('refuses order numbers it cannot file', () => {
    expect(() => encodeShredEntries([{ orderSn: '', keyId: randomBytes(16), key: randomBytes(32) }])).toThrow(RangeError);
    expect(() => encodeShredEntries([{ orderSn: 'x'.repeat(256), keyId: randomBytes(16), key: randomBytes(32) }])).toThrow(RangeError);
    // The limit is in UTF-8 bytes: 86 three-byte characters are 258 bytes.
    expect(() => encodeShredEntries([{ orderSn: '订'.repeat(86), keyId: randomBytes(16), key: randomBytes(32) }])).toThrow(RangeError);
    // A four-byte character that would end past byte 255 is not cut: refused whole.
    expect(() => encodeShredEntries([{ orderSn: `${'x'.repeat(252)}😀`, keyId: randomBytes(16), key: randomBytes(32) }])).toThrow(RangeError);
  });

  it('files order numbers of up to 255 UTF-8 bytes, each findable by its number', () => {
    const entries = ['订'.repeat(85), 'x'.repeat(255), 'PO-é-1', `${'x'.repeat(251)}😀`].map((orderSn) => ({ orderSn, keyId: randomBytes(16), key: randomBytes(32) }));
    const bytes = encodeShredEntries(entries);
    expect(bytes.length).toBe(4 * 53 + 255 + 255 + 7 + 255);
    expect(decodeShredEntries(bytes)).toEqual(entries);
    // Dropping by number goes through the hash filed with each entry: it must match the number's hash.
    expect(decodeShredEntries(withoutEntries(bytes, entryDrop({ orderSns: new Set(['订'.repeat(85), 'PO-é-1']) }))!)).toEqual([entries[1], entries[3]]);
  });
});

describe('shred key store', () => {
  it('files keys per day and finds them by day and id', async () => {
    const files = memoryShredFiles();
    const store = createShredKeyStore(files);
    const a = key('PO-1', 20_400);
    const b = key('PO-2', 20_401);
    await store.add([a, b]);
    expect([...files.files.keys()].map(shredFileDay).sort()).toEqual([20_400, 20_401]);
    const ring = await store.keyring([20_400, 20_401]);
    expect(ring(a)).toEqual(a.key);
    expect(ring(b)).toEqual(b.key);
    expect(ring({ day: 20_400, keyId: b.keyId })).toBeUndefined();
    // A fresh store over the same files (a worker woken again) reads what was filed.
    expect((await createShredKeyStore(files).keyring([20_401]))(b)).toEqual(b.key);
  });

  it('files each capture’s keys in a new file of its day: no file is rewritten or appended to', async () => {
    const files = memoryShredFiles();
    const written: { name: string; size: number }[] = [];
    const write = files.write;
    files.write = async (name, bytes) => {
      if (files.files.has(name)) throw new Error(`add must not rewrite ${name}`);
      written.push({ name, size: bytes.length });
      await write(name, bytes);
    };
    const store = createShredKeyStore(files);
    const first = [key('PO-1', 20_400), key('PO-2', 20_400)];
    const second = [key('PO-3', 20_400)];
    await store.keyring([20_400]); // the day is known (no file) before the adds
    await store.add(first);
    await store.add(second);
    // Each add writes its own entries only (53 bytes + the order number each), into a file of its day.
    expect(written.map((w) => w.size)).toEqual([2 * (53 + 4), 53 + 4]);
    expect(new Set(written.map((w) => w.name)).size).toBe(2);
    expect(written.map((w) => shredFileDay(w.name))).toEqual([20_400, 20_400]);
    const ring = await store.keyring([20_400]);
    for (const k of [...first, ...second]) expect(ring(k)).toEqual(k.key);
    const fresh = await createShredKeyStore(files).keyring([20_400]);
    for (const k of [...first, ...second]) expect(fresh(k)).toEqual(k.key);
  });

  it('merges a day’s files once it has MERGE_SEGMENTS_AT of them, after the add and without losing a key', async () => {
    const files = memoryShredFiles();
    const store = createShredKeyStore(files);
    const keys = Array.from({ length: MERGE_SEGMENTS_AT + 3 }, (_, i) => key(`PO-${i}`, 300));
    const other = key('PO-other', 301);
    await store.add([other]);
    for (const k of keys) await store.add([k]);
    await store.days(); // the queue's merges have run
    const dayFiles = [...files.files.keys()].filter((n) => shredFileDay(n) === 300);
    // One merged file with the first MERGE_SEGMENTS_AT captures, and the three captures since.
    expect(dayFiles).toHaveLength(4);
    expect(dayFiles).toContain('300.keys');
    expect(decodeShredEntries(files.files.get('300.keys')!).map((e) => e.orderSn)).toEqual(keys.slice(0, MERGE_SEGMENTS_AT).map((k) => k.orderSn));
    expect(files.removed.filter((n) => shredFileDay(n) === 300)).toHaveLength(MERGE_SEGMENTS_AT);
    expect([...files.files.keys()].filter((n) => shredFileDay(n) === 301)).toHaveLength(1); // another day is left alone
    for (const ring of [await store.keyring([300]), await createShredKeyStore(files).keyring([300])]) {
      for (const k of keys) expect(ring(k)).toEqual(k.key);
    }
  });

  it('a merge cut short leaves keys filed twice, which lookups and deletions handle', async () => {
    const files = memoryShredFiles();
    const keys = Array.from({ length: MERGE_SEGMENTS_AT }, (_, i) => key(`PO-${i}`, 400));
    const remove = files.remove;
    // The worker stops after the merged file is written, before any segment is removed.
    files.remove = async () => Promise.reject(new Error('worker stopped'));
    const store = createShredKeyStore(files);
    for (const k of keys) await store.add([k]);
    await store.days();
    expect(files.files.has('400.keys')).toBe(true);
    expect(files.files.size).toBe(MERGE_SEGMENTS_AT + 1);
    files.remove = remove;
    const woken = createShredKeyStore(files);
    const ring = await woken.keyring([400]);
    for (const k of keys) expect(ring(k)).toEqual(k.key);
    await woken.forgetOrders(['PO-3']);
    const all = Buffer.concat([...files.files.values()]);
    expect(all.includes(Buffer.from(keys[3]!.key))).toBe(false);
    expect((await createShredKeyStore(files).keyring([400]))(keys[3]!)).toBeUndefined();
    expect((await createShredKeyStore(files).keyring([400]))(keys[4]!)).toEqual(keys[4]!.key);
  });

  it('a merge leaves out a file’s truncated tail: the entries after it stay readable and deletable', async () => {
    const files = memoryShredFiles();
    const cut = key('PO-cut', 70);
    const whole = encodeShredEntries([{ orderSn: 'PO-cut', keyId: cut.keyId, key: cut.key }]);
    await files.write('70.00aa.keys', whole.subarray(0, whole.length - 20)); // a write cut short
    const store = createShredKeyStore(files);
    const keys = Array.from({ length: MERGE_SEGMENTS_AT }, (_, i) => key(`PO-${i}`, 70));
    for (const k of keys) await store.add([k]);
    await store.days();
    expect(files.files.has('70.00aa.keys')).toBe(false); // merged
    const ring = await createShredKeyStore(files).keyring([70]);
    for (const k of keys) expect(ring(k)).toEqual(k.key);
    await createShredKeyStore(files).forgetOrders(keys.map((k) => k.orderSn));
    const all = Buffer.concat([...files.files.values()]);
    for (const k of keys) expect(all.includes(Buffer.from(k.key))).toBe(false);
  });

  it('names files by day, merged or one capture’s, and ignores anything else', () => {
    expect(shredFileDay('20400.keys')).toBe(20_400);
    expect(shredFileDay('20400.0a1b2c3d4e5f6071.keys')).toBe(20_400);
    for (const name of ['20400.keys.crswap', 'x.keys', '20400.keys.bak', '20400..keys', '.keys', '20400.ZZ.keys']) expect(shredFileDay(name)).toBeNull();
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
    expect(files.removed.map(shredFileDay)).toContain(100);
    expect([...files.files.keys()].map(shredFileDay)).not.toContain(100);
    const ring = await store.keyring([100, 101, 130]);
    expect([past, todayDue, moved].map((k) => ring(k))).toEqual([undefined, undefined, undefined]);
    expect(ring(todayLater)).toEqual(todayLater.key);
    // No byte of a forgotten key is left in any file.
    const all = Buffer.concat([...files.files.values()]);
    for (const k of [past, todayDue, moved]) expect(all.includes(Buffer.from(k.key))).toBe(false);
    expect([...files.files.keys()].map(shredFileDay)).not.toContain(130); // emptied files are removed, not kept empty
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
    await store.days(); // and the merges the adds queued
    const stored = [...files.files.values()].flatMap(decodeShredEntries);
    const ids = new Set(stored.map((e) => bytesToHex(e.keyId)));
    // PO-3 was added before the forget ran (queue order), so it is gone; every other key is there.
    expect(ids.size).toBe(39);
    for (const k of keys) expect(ids.has(bytesToHex(k.keyId))).toBe(k.orderSn !== 'PO-3');
  });

  it('lists the files once and keeps the list with its own writes: a read with nothing due asks the directory nothing', async () => {
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
    // A file this store writes joins its list: a purge of a past day finds it without listing again.
    await store.add([key('PO-3', 30)]);
    expect(await store.forgetOrders([], { daysBefore: 40 })).toBe(1);
    expect(await store.days()).toEqual([50, 60]);
    expect([...files.files.keys()].map(shredFileDay)).not.toContain(30);
    expect(listings).toBe(1);
    await store.forgetAll();
    expect(await store.days()).toEqual([]);
  });

  it('a deletion of orders or keys lists the directory afresh: it does not trust the list in memory', async () => {
    const files = memoryShredFiles();
    const store = createShredKeyStore(files);
    await store.add([key('PO-1', 100)]);
    expect(await store.days()).toEqual([100]);
    // A file the store did not write (a worker of an older version, a test seeding rows).
    await files.write('99.00ff.keys', encodeShredEntries([{ orderSn: 'PO-old', keyId: randomBytes(16), key: randomBytes(32) }]));
    expect(await store.forgetOrders([], { daysBefore: 100 })).toBe(0); // nothing due: the list in memory
    expect(await store.forgetOrders(['PO-old'], { daysBefore: 100 })).toBe(1);
    expect(files.files.has('99.00ff.keys')).toBe(false);
    // Single keys too.
    const single = key('PO-2', 100);
    await files.write('100.00ff.keys', encodeShredEntries([{ orderSn: single.orderSn, keyId: single.keyId, key: single.key }]));
    expect(await store.forgetKeys([single])).toBe(1);
    expect(files.files.has('100.00ff.keys')).toBe(false);
  });

  it('a write that fails leaves the previous file and no stale cache', async () => {
    const files = memoryShredFiles();
    const store = createShredKeyStore(files);
    const first = key('PO-1', 9);
    await store.add([first]);
    const { write } = files;
    files.write = async () => {
      throw new DOMException('quota', 'QuotaExceededError');
    };
    const second = key('PO-2', 9);
    await expect(store.add([second])).rejects.toThrow('quota');
    files.write = write;
    const ring = await store.keyring([9]);
    expect(ring(first)).toEqual(first.key);
    expect(ring(second)).toBeUndefined();
    expect([...files.files.values()].flatMap(decodeShredEntries)).toHaveLength(1);
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
