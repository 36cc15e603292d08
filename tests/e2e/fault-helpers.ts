import type { BrowserContext, Page, Worker } from '@playwright/test';
import { bytesToHex, hexToBytes } from '@noble/hashes/utils.js';
import { randomBytes } from 'node:crypto';
import { decodeShredEntries, encodeShredEntries } from '../../utils/shred/shred-file';
import { shredDayOf } from '../../utils/shred/shred-day';
import { shredFileDay } from '../../utils/shred/shred-key-store';
import { expect } from './harness';

/**
 * Stops the extension's service worker through the DevTools protocol (`ServiceWorker.stopWorker`,
 * what Chromium does to an idle or misbehaving worker). Messages still in flight wake a stopped
 * worker at once, so seeing it stopped once is the proof.
 */
export async function stopWorker(context: BrowserContext, page: Page, extensionId: string) {
  const cdp = await context.newCDPSession(page);
  const versions = new Map<string, { scriptURL: string; runningStatus: string }>();
  let stopRequested = false;
  let sawStopped = false;
  const isMine = (scriptURL: string) => scriptURL.startsWith(`chrome-extension://${extensionId}/`);
  cdp.on('ServiceWorker.workerVersionUpdated', (e: { versions: { versionId: string; scriptURL: string; runningStatus: string }[] }) => {
    for (const v of e.versions) {
      versions.set(v.versionId, v);
      if (stopRequested && isMine(v.scriptURL) && v.runningStatus === 'stopped') sawStopped = true;
    }
  });
  await cdp.send('ServiceWorker.enable');
  const mine = () => [...versions.entries()].filter(([, v]) => isMine(v.scriptURL));
  await expect.poll(() => mine().length, { timeout: 10_000 }).toBeGreaterThan(0);
  stopRequested = true;
  for (const [versionId, v] of mine()) if (v.runningStatus === 'running') await cdp.send('ServiceWorker.stopWorker', { versionId });
  await expect.poll(() => sawStopped || mine().every(([, v]) => v.runningStatus === 'stopped'), { timeout: 10_000 }).toBe(true);
  await cdp.detach();
}

/** The days that have a shred file (OPFS), read from an extension page (no message). */
export async function shredDays(page: Page): Promise<number[]> {
  const names = await page.evaluate(async () => {
    const dir = await (await navigator.storage.getDirectory()).getDirectoryHandle('shred-keys', { create: true });
    const names: string[] = [];
    for await (const name of (dir as unknown as { keys(): AsyncIterable<string> }).keys()) names.push(name);
    return names;
  });
  return daysOfShredFiles(names);
}

function daysOfShredFiles(names: string[]): number[] {
  return [...new Set(names.map(shredFileDay).filter((d): d is number => d !== null))].sort((a, b) => a - b);
}

export interface RawState {
  orders: { orderSn: string; piiState: string; purgeAt: number | null }[];
  buyers: string[];
  /** Order numbers with a key in the shred files (OPFS), per file. */
  keyed: string[];
  shredDays: number[];
}

/**
 * IndexedDB and the shred files read from an extension page, without a message: the worker is not
 * woken and no purge-before-read runs. Use a page that sends no messages by itself (manifest.json).
 */
export async function readRaw(page: Page): Promise<RawState> {
  const raw = await page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const req = indexedDB.open('seller-vault');
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
    const read = await new Promise<{ orders: Record<string, unknown>[]; buyers: IDBValidKey[] }>((resolve, reject) => {
      const tx = db.transaction(['orders', 'buyers'], 'readonly');
      const orders = tx.objectStore('orders').getAll();
      const buyers = tx.objectStore('buyers').getAllKeys();
      tx.oncomplete = () => resolve({ orders: orders.result, buyers: buyers.result });
      tx.onerror = () => reject(tx.error);
    });
    db.close();
    const root = await navigator.storage.getDirectory();
    const files: { name: string; hex: string }[] = [];
    const dir = await root.getDirectoryHandle('shred-keys', { create: true });
    for await (const name of (dir as unknown as { keys(): AsyncIterable<string> }).keys()) {
      const bytes = new Uint8Array(await (await (await dir.getFileHandle(name)).getFile()).arrayBuffer());
      files.push({ name, hex: Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('') });
    }
    return {
      orders: read.orders.map((o) => ({ orderSn: o.orderSn as string, piiState: o.piiState as string, purgeAt: o.purgeAt as number | null })),
      buyers: read.buyers as string[],
      files,
    };
  });
  return {
    orders: raw.orders,
    buyers: raw.buyers,
    keyed: raw.files.flatMap((f) => decodeShredEntries(hexToBytes(f.hex)).map((e) => e.orderSn)),
    shredDays: daysOfShredFiles(raw.files.map((f) => f.name)),
  };
}

/**
 * Writes `count` held orders with sealed-size buyers rows straight into IndexedDB and their shred
 * keys into the OPFS shred files, filed as the extension files them (the day of purgeAt). The
 * rows open nothing (random bytes); they give a purge thousands of rows to work through.
 */
export async function seedHeldRows(worker: Worker, prefix: string, count: number, purgeAt: (i: number) => number): Promise<string[]> {
  const now = Date.now();
  const sns = Array.from({ length: count }, (_, i) => `${prefix}-${String(i).padStart(8, '0')}`);
  const byDay = new Map<number, { orderSn: string; keyId: Uint8Array; key: Uint8Array }[]>();
  sns.forEach((orderSn, i) => {
    const day = shredDayOf(purgeAt(i));
    const list = byDay.get(day) ?? [];
    list.push({ orderSn, keyId: randomBytes(16), key: randomBytes(32) });
    byDay.set(day, list);
  });
  // A new file of each day, as a capture files its keys (a name the worker's shred store cannot have cached).
  const files = [...byDay].map(([day, entries]) => ({ name: `${day}.${bytesToHex(randomBytes(8))}.keys`, hex: bytesToHex(encodeShredEntries(entries)) }));
  const times = sns.map((_, i) => purgeAt(i));
  await worker.evaluate(
    async ({ sns, times, now, files }) => {
      const dir = await (await navigator.storage.getDirectory()).getDirectoryHandle('shred-keys', { create: true });
      for (const { name, hex } of files) {
        const handle = await dir.getFileHandle(name, { create: true });
        const bytes = new Uint8Array(hex.length / 2);
        for (let i = 0; i < bytes.length; i++) bytes[i] = parseInt(hex.slice(2 * i, 2 * i + 2), 16);
        const w = await handle.createWritable();
        await w.write(bytes);
        await w.close();
      }
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const req = indexedDB.open('seller-vault');
        req.onsuccess = () => resolve(req.result);
        req.onerror = () => reject(req.error);
      });
      // 10,000 rows per transaction: one transaction of 90,000 (the purge bench) holds them all in memory.
      for (let start = 0; start < sns.length; start += 10_000) {
        const tx = db.transaction(['orders', 'buyers'], 'readwrite');
        sns.slice(start, start + 10_000).forEach((orderSn, j) => {
          const purgeAt = times[start + j]!;
          tx.objectStore('orders').put({
            orderSn,
            shopId: '1001',
            status: 'shipped',
            statusCode: 4,
            createdAt: now - 3e8,
            shipBy: null,
            shippedAt: now - 2e8,
            shippedAtSource: 'captured',
            deliveredAt: null,
            capturedAt: now - 1e8,
            updatedAt: now - 1e8,
            purgeAt,
            exportedAt: null,
            exportFormat: null,
            piiState: 'present',
            itemCount: 1,
          });
          tx.objectStore('buyers').put({ orderSn, shopId: '1001', purgeAt, capturedAt: now - 1e8, source: 'api', sealed: crypto.getRandomValues(new Uint8Array(250)) });
        });
        await new Promise<void>((resolve, reject) => {
          tx.oncomplete = () => resolve();
          tx.onerror = () => reject(tx.error);
        });
      }
      db.close();
    },
    { sns, times, now, files },
  );
  return sns;
}

/** Brings these stored orders (and their buyers rows) due at `purgeAt`, as a lowered retention period does. */
export function bringDue(worker: Worker, orderSns: string[], purgeAt: number): Promise<void> {
  return worker.evaluate(
    async ({ orderSns, purgeAt }) => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const req = indexedDB.open('seller-vault');
        req.onsuccess = () => resolve(req.result);
        req.onerror = () => reject(req.error);
      });
      const tx = db.transaction(['orders', 'buyers'], 'readwrite');
      for (const store of ['orders', 'buyers']) {
        for (const sn of orderSns) {
          const req = tx.objectStore(store).get(sn);
          req.onsuccess = () => {
            if (req.result) tx.objectStore(store).put({ ...req.result, purgeAt });
          };
        }
      }
      await new Promise<void>((resolve, reject) => {
        tx.oncomplete = () => resolve();
        tx.onerror = () => reject(tx.error);
      });
      db.close();
    },
    { orderSns, purgeAt },
  );
}
