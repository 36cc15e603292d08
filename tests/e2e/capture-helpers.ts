import type { BrowserContext, Page, Worker } from '@playwright/test';
import { expect } from '@playwright/test';

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

export async function tabIdOf(serviceWorker: Worker, urlPattern: string): Promise<number> {
  const ids = await serviceWorker.evaluate(async (pattern) => (await chrome.tabs.query({ url: pattern })).map((t) => t.id!), urlPattern);
  expect(ids.length).toBeGreaterThan(0);
  return ids[0]!;
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
  return (await readTable<{ seq: number; action: string; detail: string | null }>(serviceWorker, 'audit')).sort((a, b) => a.seq - b.seq).map(({ action, detail }) => ({ action, detail }));
}

export async function newSellerCenterPage(context: BrowserContext, url: string): Promise<Page> {
  const page = await context.newPage();
  await page.goto(url);
  return page;
}
