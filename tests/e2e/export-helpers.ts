import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { BrowserContext, Page, Worker } from '@playwright/test';
import { isTextExportFormat } from '../../utils/export/file-names';
import { FIXTURE_BUYERS, type FixtureBuyer } from '../fixtures/fixture-buyers';
import { makeOrder, type FixtureOrder } from '../fixtures/order-fixtures';
import type { SellerCenterFixture } from '../fixtures/seller-center-server';
import { captureThroughSellerCenter, storedAddressCounts } from './capture-helpers';
import { expect } from './harness';
import { send } from './extension-messages';

export const SHOP_ID = '634418212345';
export const PASSPHRASE = 'violet tractor mango 7 lantern';
/** A buyer whose values start like spreadsheet formulas (OWASP CSV injection). */
export const FORMULA_BUYER: FixtureBuyer = { ...FIXTURE_BUYERS[0]!, name: '=HYPERLINK("http://evil.example","x")', line1: '@SUM(1+1) Main St', mail: 'formula@example.com' };

export type SellerCenterEnv = { context: BrowserContext; serviceWorker: Worker; sellerCenter: SellerCenterFixture; openExtensionPage: (p: string) => Promise<Page> };

/**
 * Vault set-up through the background's production message from an extension page, then the
 * seller's path: shop authorized in the options page, the fixture seller center's order list
 * browsed and every order's address viewed ("View address"), captured by the real page hook.
 */
export async function seedShop(env: SellerCenterEnv, page: Page, orders: FixtureOrder[]) {
  expect(await send(page, 'vault/setup', { passphrase: PASSPHRASE })).toMatchObject({ ok: true });
  await captureThroughSellerCenter(env, orders);
  await expect.poll(() => storedAddressCounts(env.serviceWorker, orders), { timeout: 30_000 }).toEqual(Object.fromEntries(orders.map((o) => [o.parentOrderSn, 1])));
}

/** Fixture orders to ship: one per script (Latin accents, Polish, German, Cyrillic, Greek, CJK, Japanese, Spanish) + a formula-like buyer. */
export function fixtureOrders(): FixtureOrder[] {
  const orders = FIXTURE_BUYERS.map((_, index) => makeOrder({ index, status: 2 }));
  orders.push(makeOrder({ index: FIXTURE_BUYERS.length, status: 2, buyer: FORMULA_BUYER }));
  return orders;
}

/**
 * Picks `format` in the popup and exports the selected orders; returns the page the export runs
 * in: the export tab it opens (PDFs, print view), or the popup itself (CSV and ZPL are made there).
 */
export async function exportFromPopup(context: BrowserContext, popup: Page, format: string): Promise<Page> {
  await popup.getByTestId('export-format').selectOption(format);
  if (isTextExportFormat(format)) {
    await popup.getByTestId('export-button').click();
    return popup;
  }
  const [tab] = await Promise.all([context.waitForEvent('page'), popup.getByTestId('export-button').click()]);
  await tab.waitForLoadState();
  return tab;
}

/**
 * Playwright's acceptDownloads routes every download into its own artifacts folder (and may
 * delete a file with the page that it attributes the download to), so this test points
 * Chromium's downloads at downloadsDir, where the files stay for the checks below.
 */
export async function saveDownloadsTo(context: BrowserContext, page: Page, downloadsDir: string) {
  const cdp = await context.newCDPSession(page);
  await cdp.send('Browser.setDownloadBehavior', { behavior: 'allow', downloadPath: downloadsDir, eventsEnabled: false });
}

/** Waits for the file export shown in `tab` (export tab or popup) to finish writing; returns the file in downloadsDir, checked against chrome.downloads. */
export async function waitForFile(tab: Page, downloadsDir: string): Promise<string> {
  const done = tab.getByTestId('export-done');
  // The address pre-check (issue 14) may stop the job for orders it flags (e.g. a line over the
  // carrier's limit): these tests check files, so every flagged order is exported anyway.
  const review = tab.getByTestId('precheck-review');
  await expect(done.or(review)).toBeVisible({ timeout: 60_000 });
  if (await review.isVisible()) {
    for (const choice of await review.getByTestId('precheck-export-anyway').all()) await choice.check();
    await review.getByTestId('precheck-continue').click();
  }
  await expect(done).toBeVisible({ timeout: 60_000 });
  await expect(done).toContainText('The file is complete', { timeout: 30_000 });
  const downloadId = Number(await done.getAttribute('data-download-id'));
  const fileName = (await done.getAttribute('data-file-name'))!;
  expect(fileName).toMatch(/^seller-vault-[\w-]+\.(pdf|csv|zpl)$/);
  const [item] = await tab.evaluate((id) => chrome.downloads.search({ id }), downloadId);
  expect(item).toMatchObject({ state: 'complete', exists: true });
  // Under CDP-controlled downloads Chromium stores the file under a GUID name (extension from
  // the MIME type); the extension's own name is checked above from the page.
  expect(path.dirname(item!.filename)).toBe(downloadsDir);
  expect(fs.existsSync(item!.filename)).toBe(true);
  return item!.filename;
}

export function pdfPages(file: string): number {
  return Number(/^Pages:\s+(\d+)/m.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))?.[1]);
}

export function pdfText(file: string): string {
  return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
}

/** Every barcode zbarimg finds on the PDF's pages rendered at 300 dpi. */
export function pdfBarcodes(file: string, workDir: string): string[] {
  const prefix = path.join(workDir, path.basename(file, '.pdf'));
  execFileSync('pdftoppm', ['-r', '300', '-png', file, prefix]);
  const pngs = fs.readdirSync(workDir).filter((f) => f.startsWith(path.basename(prefix)) && f.endsWith('.png'));
  const codes: string[] = [];
  for (const png of pngs) {
    try {
      const out = execFileSync('zbarimg', ['--quiet', '--raw', '-Sdisable', '-Scode128.enable', path.join(workDir, png)], { encoding: 'utf8' });
      codes.push(...out.split('\n').filter(Boolean));
    } catch {
      // zbarimg exits 4 when a page has no barcode.
    }
  }
  return codes;
}

/** pdftotext prints some scripts with layout spaces; compare without whitespace. */
export const squash = (s: string) => s.replace(/\s+/g, '');

export async function openUnlockedPopup(openExtensionPage: (p: string) => Promise<Page>, orders: FixtureOrder[]) {
  const popup = await openExtensionPage('popup.html');
  await expect(popup.getByTestId('order-row')).toHaveCount(orders.length, { timeout: 20_000 });
  await popup.getByTestId('select-all').click();
  await expect(popup.getByTestId('selected-count')).toHaveText(`${orders.length} selected`);
  return popup;
}

/** The render worker's instances (CDP targets of type shared_worker), by target id. */
export async function renderWorkers(context: BrowserContext, page: Page): Promise<string[]> {
  const cdp = await context.newCDPSession(page);
  try {
    const { targetInfos } = (await cdp.send('Target.getTargets')) as { targetInfos: { targetId: string; type: string; url: string }[] };
    return targetInfos.filter((t) => t.type === 'shared_worker' && t.url.includes('export-render.worker')).map((t) => t.targetId);
  } finally {
    await cdp.detach();
  }
}
