import fs from 'node:fs';
import type { BrowserContext, Page, Worker } from '@playwright/test';
import type { FixtureOrder } from '../fixtures/order-fixtures';
import type { SellerCenterFixture } from '../fixtures/seller-center-server';
import { captureThroughSellerCenter } from './capture-helpers';
import { expect } from './harness';
import { sendOk } from './extension-messages';

export const PASSPHRASE = 'violet tractor mango 7 lantern';
export const MIN = 60_000;

export type SellerCenterEnv = { context: BrowserContext; serviceWorker: Worker; sellerCenter: SellerCenterFixture; openExtensionPage: (p: string) => Promise<Page> };

/**
 * Vault set up from `page` (an extension page), then the seller's path: shop authorized in the
 * options page, the order list browsed and each order's address viewed in the fixture seller center.
 */
export async function captureOrders(env: SellerCenterEnv, page: Page, orders: FixtureOrder[]) {
  await sendOk(page, 'vault/setup', { passphrase: PASSPHRASE });
  await captureThroughSellerCenter(env, orders);
}

/** Downloads a file through chrome.downloads and records it as an export of `orderSns`; returns its path on disk. */
export async function exportFile(page: Page, orderSns: string[], name: string): Promise<{ downloadId: number; file: string }> {
  const { downloadId, file } = await page.evaluate(async (fileName) => {
    const id = await chrome.downloads.download({ url: 'data:application/pdf;base64,JVBERi0xLjQKJeLjz9MK', filename: fileName, saveAs: false });
    for (let i = 0; i < 100; i++) {
      const [item] = await chrome.downloads.search({ id });
      if (item?.state === 'complete') return { downloadId: id, file: item.filename };
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error('download did not complete');
  }, name);
  await sendOk(page, 'export/record', { downloadId, fileName: name, format: 'pdf-4x6', orderSns });
  expect(fs.existsSync(file)).toBe(true);
  return { downloadId, file };
}

export interface StoredState {
  buyers: { orderSn: string; purgeAt: number }[];
  orders: { orderSn: string; piiState: string; purgeAt: number | null; shippedAt: number | null }[];
  exports: { downloadId: number | null; state: string; orderSns: string[] }[];
  audit: { action: string; detail: string | null; orderSns: string[] }[];
}

/** Raw IndexedDB read inside the worker (no message, so no purge-before-read). */
export function readStored(worker: Worker): Promise<StoredState> {
  return worker.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const req = indexedDB.open('seller-vault');
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
    const all = (store: string) =>
      new Promise<Record<string, unknown>[]>((resolve, reject) => {
        const req = db.transaction(store).objectStore(store).getAll();
        req.onsuccess = () => resolve(req.result as Record<string, unknown>[]);
        req.onerror = () => reject(req.error);
      });
    const [buyers, orders, exports, audit] = await Promise.all([all('buyers'), all('orders'), all('exports'), all('audit')]);
    db.close();
    return {
      buyers: buyers.map((b) => ({ orderSn: b.orderSn as string, purgeAt: b.purgeAt as number })),
      orders: orders.map((o) => ({ orderSn: o.orderSn as string, piiState: o.piiState as string, purgeAt: o.purgeAt as number | null, shippedAt: o.shippedAt as number | null })),
      exports: exports.map((e) => ({ downloadId: e.downloadId as number | null, state: e.state as string, orderSns: e.orderSns as string[] })),
      audit: audit.map((a) => ({ action: a.action as string, detail: a.detail as string | null, orderSns: a.orderSns as string[] })),
    };
  });
}

/** Moves the worker's clock (Date.now) `offsetMs` ahead of real time. Test-side only: the build has no hook. */
export function advanceWorkerClock(worker: Worker, offsetMs: number): Promise<void> {
  return worker.evaluate((offset) => {
    const g = globalThis as unknown as { __svRealNow?: () => number };
    g.__svRealNow ??= Date.now.bind(Date);
    const real = g.__svRealNow;
    Date.now = () => real() + offset;
  }, offsetMs);
}

export const sorted = (list: string[]) => [...list].sort();
