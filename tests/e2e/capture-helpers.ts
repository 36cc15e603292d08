import type { BrowserContext, Page, Worker } from '@playwright/test';
import { expect } from './harness';
import type { FixtureOrder } from '../fixtures/order-fixtures';
import type { DetailVariant } from '../fixtures/seller-center-pages';
import type { SellerCenterFixture } from '../fixtures/seller-center-server';

/** Reads a whole table of the extension's IndexedDB from inside the service worker (test-side only). */
export function readTable<T = Record<string, unknown>>(serviceWorker: Worker, table: string): Promise<T[]> {
  return serviceWorker.evaluate(
    (t) =>
      new Promise<T[]>((resolve, reject) => {
        const open = indexedDB.open('seller-vault');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          if (!db.objectStoreNames.contains(t)) {
            db.close();
            resolve([]);
            return;
          }
          const req = db.transaction(t, 'readonly').objectStore(t).getAll();
          req.onsuccess = () => {
            resolve(req.result as T[]);
            db.close();
          };
          req.onerror = () => reject(req.error);
        };
      }),
    table,
  );
}

/** Authorizes a shop through the options page UI (as the seller would). */
export async function authorizeInOptions(openExtensionPage: (p: string) => Promise<Page>, shopId: string): Promise<Page> {
  const options = await openExtensionPage(`options.html#authorize?shop=${shopId}`);
  await expect(options.getByTestId('auth-shop-id')).toHaveValue(shopId);
  await options.getByTestId('auth-submit').click();
  await expect(options.locator(`[data-testid="authorized-shop"][data-shop-id="${shopId}"]`)).toBeVisible();
  return options;
}

export async function capturedOrderSns(serviceWorker: Worker): Promise<string[]> {
  return (await readTable<{ orderSn: string }>(serviceWorker, 'orders')).map((o) => o.orderSn).sort();
}

export async function auditActions(serviceWorker: Worker): Promise<{ action: string; detail: string | null }[]> {
  return (await readTable<{ seq: number; action: string; detail: string | null }>(serviceWorker, 'audit'))
    .sort((a, b) => a.seq - b.seq)
    .map(({ action, detail }) => ({ action, detail }));
}

export async function newSellerCenterPage(context: BrowserContext, url: string): Promise<Page> {
  const page = await context.newPage();
  await page.goto(url);
  return page;
}

/**
 * Records, inside the worker, which `capture/payload` messages arrived (kind and order number
 * only, never the body): proof that a capture reached the background even when nothing was stored
 * (e.g. an already-due address). Test-side listener next to the production one; it never answers.
 */
export async function watchCapturePayloads(serviceWorker: Worker): Promise<void> {
  await serviceWorker.evaluate(() => {
    const g = globalThis as unknown as { __svSeenPayloads?: string[] };
    if (g.__svSeenPayloads) return;
    g.__svSeenPayloads = [];
    chrome.runtime.onMessage.addListener((message: { type?: unknown; data?: { kind?: unknown; orderSnHint?: unknown } } | null) => {
      if (message?.type === 'capture/payload') g.__svSeenPayloads!.push(`${String(message.data?.kind)}:${String(message.data?.orderSnHint)}`);
    });
  });
}

/** "kind:orderSnHint" of every `capture/payload` seen since watchCapturePayloads. */
export function seenCapturePayloads(serviceWorker: Worker): Promise<string[]> {
  return serviceWorker.evaluate(() => [...((globalThis as unknown as { __svSeenPayloads?: string[] }).__svSeenPayloads ?? [])]);
}

/** Browses every page of the fixture order list ("Next page"); waits until the background holds all its orders. */
export async function browseOrderList(page: Page, serviceWorker: Worker, sellerCenter: SellerCenterFixture): Promise<void> {
  const pages = Math.max(1, Math.ceil(sellerCenter.orders.length / sellerCenter.pageSize));
  await page.goto(sellerCenter.orderListUrl());
  await expect(page.getByTestId('fixture-status')).toHaveText('ok page 1');
  for (let n = 2; n <= pages; n++) {
    await page.getByTestId('fixture-next-page').click();
    await expect(page.getByTestId('fixture-status')).toHaveText(`ok page ${n}`);
  }
  const wanted = sellerCenter.orders.map((o) => o.parentOrderSn);
  const missing = async () => {
    const held = new Set(await capturedOrderSns(serviceWorker));
    return wanted.filter((sn) => !held.has(sn));
  };
  await expect.poll(missing, { message: 'orders of the list not captured', timeout: 20_000 }).toEqual([]);
}

/** Opens the order's detail page; for the "api" variant clicks "View address" (the address API answer) as the seller would. */
export async function viewAddress(page: Page, sellerCenter: SellerCenterFixture, order: FixtureOrder, variant: DetailVariant = 'api'): Promise<void> {
  await page.goto(sellerCenter.orderDetailUrl(order.parentOrderSn, variant));
  await expect(page.getByTestId('fixture-status')).toHaveText('ready');
  if (variant !== 'api') return;
  await page.getByTestId('fixture-view-address').click();
  await expect(page.getByTestId('fixture-status')).toHaveText('address shown');
}

/**
 * The seller's whole path for test data, through the fixture seller center and the real page hook:
 * authorizes the fixture shop in the options page UI, serves `orders` in the order list, browses
 * all its pages, then opens the detail page of each order, in list order, and clicks "View
 * address" (address API). Returns once every address answer has reached the background (stored
 * or refused there: check the buyers table). The vault must be set up first, or the background
 * skips the addresses ('no-vault'). Closes the tabs it opened.
 */
export async function captureThroughSellerCenter(
  env: { context: BrowserContext; serviceWorker: Worker; sellerCenter: SellerCenterFixture; openExtensionPage: (p: string) => Promise<Page> },
  orders: FixtureOrder[],
): Promise<void> {
  const { context, serviceWorker, sellerCenter, openExtensionPage } = env;
  const authorize = await authorizeInOptions(openExtensionPage, sellerCenter.mallId);
  await authorize.close();
  sellerCenter.orders = orders;
  await watchCapturePayloads(serviceWorker);
  const page = await context.newPage();
  await browseOrderList(page, serviceWorker, sellerCenter);
  for (const order of orders) await viewAddress(page, sellerCenter, order, 'api');
  const notArrived = async () => {
    const seen = new Set(await seenCapturePayloads(serviceWorker));
    return orders.map((o) => o.parentOrderSn).filter((sn) => !seen.has(`address:${sn}`));
  };
  await expect.poll(notArrived, { message: 'address answers that never reached the background', timeout: 20_000 }).toEqual([]);
  await page.close();
}

/** How many sealed buyer rows the vault holds per order (0 = none stored). */
export async function storedAddressCounts(serviceWorker: Worker, orders: FixtureOrder[]): Promise<Record<string, number>> {
  const rows = await readTable<{ orderSn: string }>(serviceWorker, 'buyers');
  return Object.fromEntries(orders.map((o) => [o.parentOrderSn, rows.filter((r) => r.orderSn === o.parentOrderSn).length]));
}
