import type { BrowserContext, Page } from '@playwright/test';
import { expect, test } from './harness';
import { fixtureOrders, openUnlockedPopup, pdfPages, pdfText, renderWorkers, saveDownloadsTo, seedShop, squash, waitForFile } from './export-helpers';
import { send } from './extension-messages';

/**
 * The warm PDF renderer (issue 11, docs/decisions.md "Warm PDF renderer shared by the popup and
 * the export tab"): the popup warms the shared render worker while the seller decides; the
 * export tab, opened in the background, connects to it and then takes the focus (which closes a
 * real popup); the worker survives the popup. Checked here on the real built extension: the tab
 * becomes the active tab, the 4x6 PDF is complete on disk and tracked, also when the popup page
 * is closed right after the click, and a tab opened by URL with no popup renders cold.
 */

async function isActiveTab(page: Page): Promise<boolean> {
  return page.evaluate(async () => (await chrome.tabs.getCurrent())?.active === true);
}

/** The popup warmed a render worker: exactly one instance, there before the click. */
async function warmedWorker(context: BrowserContext, popup: Page): Promise<string> {
  await expect.poll(() => renderWorkers(context, popup), { timeout: 20_000 }).toHaveLength(1);
  return (await renderWorkers(context, popup))[0]!;
}

async function expectTrackedFile(page: Page, tab: Page, downloadsDir: string, orders: ReturnType<typeof fixtureOrders>) {
  const file = await waitForFile(tab, downloadsDir);
  expect(pdfPages(file)).toBe(orders.length);
  const text = squash(pdfText(file));
  for (const order of orders) expect(text, `name of ${order.parentOrderSn}`).toContain(squash(order.buyer.name));
  const history = (await send(page, 'export/history', { limit: 10 })) as { data: { format: string; orderSns: string[] }[] };
  return { file, history: history.data };
}

test('warm renderer: the popup warms the worker, the export tab opens in the background, takes the focus and renders with the same worker', async ({
  context,
  serviceWorker,
  sellerCenter,
  openExtensionPage,
  downloadsDir,
}) => {
  test.setTimeout(180_000);
  const orders = fixtureOrders();
  const options = await openExtensionPage('options.html');
  await saveDownloadsTo(context, options, downloadsDir);
  await seedShop({ context, serviceWorker, sellerCenter, openExtensionPage }, options, orders);

  const popup = await openExtensionPage('popup.html');
  await expect(popup.getByTestId('order-row')).toHaveCount(orders.length, { timeout: 20_000 });
  // CSV never warms it (made on the page)…
  await popup.getByTestId('export-format').selectOption('csv-generic');
  await popup.getByTestId('select-all').click();
  await expect(popup.getByTestId('selected-count')).toHaveText(`${orders.length} selected`);
  await popup.waitForTimeout(1_000);
  expect(await renderWorkers(context, popup)).toEqual([]);
  // …a PDF format with orders ticked does.
  await popup.getByTestId('export-format').selectOption('pdf-4x6');
  const worker = await warmedWorker(context, popup);

  const [tab] = await Promise.all([context.waitForEvent('page'), popup.getByTestId('export-button').click()]);
  await tab.waitForLoadState();
  // Opened in the background, it becomes the active tab (itself, or the popup's fallback; the last test checks the tab alone does it).
  await expect.poll(() => isActiveTab(tab), { timeout: 10_000 }).toBe(true);
  expect(await isActiveTab(popup)).toBe(false);
  const { history } = await expectTrackedFile(options, tab, downloadsDir, orders);
  expect(history[0]).toMatchObject({ format: 'pdf-4x6', state: 'live' });
  expect(new Set(history[0]!.orderSns)).toEqual(new Set(orders.map((o) => o.parentOrderSn)));
  // Still the one instance the popup warmed: the tab rendered with it.
  expect(await renderWorkers(context, tab)).toEqual([worker]);
});

test('warm renderer: the popup closed right after the click (as a real popup closes), the worker lives on in the tab and the file is complete and tracked', async ({
  context,
  serviceWorker,
  sellerCenter,
  openExtensionPage,
  downloadsDir,
}) => {
  test.setTimeout(180_000);
  const orders = fixtureOrders();
  const options = await openExtensionPage('options.html');
  await saveDownloadsTo(context, options, downloadsDir);
  await seedShop({ context, serviceWorker, sellerCenter, openExtensionPage }, options, orders);

  const popup = await openUnlockedPopup(openExtensionPage, orders);
  const worker = await warmedWorker(context, popup);
  const tabOpened = context.waitForEvent('page');
  await popup.getByTestId('export-button').click();
  // The popup goes as soon as the tab takes the focus; the earliest is right after the tab exists.
  const tab = await tabOpened;
  await expect.poll(() => isActiveTab(tab), { timeout: 5_000, intervals: [20] }).toBe(true);
  await popup.close();

  const { history } = await expectTrackedFile(options, tab, downloadsDir, orders);
  expect(history[0]).toMatchObject({ format: 'pdf-4x6', state: 'live' });
  expect(await renderWorkers(context, tab)).toEqual([worker]);
  const audit = (await send(options, 'audit/list', { limit: 50 })) as { data: { entries: { action: string; detail: string | null }[] } };
  expect(audit.data.entries.filter((e) => e.action === 'export').map((e) => e.detail)).toEqual(['pdf-4x6']);
  expect(audit.data.entries.filter((e) => e.action === 'export.record')).toHaveLength(1);

  // The tab closed too: the worker goes with its last page, and nothing of it is left running.
  await tab.close();
  await expect.poll(() => renderWorkers(context, options), { timeout: 10_000 }).toEqual([]);
});

test('warm renderer: the export tab opened by URL, no popup, renders cold and works', async ({
  context,
  serviceWorker,
  sellerCenter,
  openExtensionPage,
  downloadsDir,
  extensionId,
}) => {
  test.setTimeout(180_000);
  const orders = fixtureOrders();
  const options = await openExtensionPage('options.html');
  await saveDownloadsTo(context, options, downloadsDir);
  await seedShop({ context, serviceWorker, sellerCenter, openExtensionPage }, options, orders);
  expect(await renderWorkers(context, options)).toEqual([]);

  const tab = await context.newPage();
  await tab.goto(`chrome-extension://${extensionId}/print.html#${new URLSearchParams({ orders: orders.map((o) => o.parentOrderSn).join(','), format: 'pdf-4x6' }).toString()}`);
  await expect.poll(() => isActiveTab(tab)).toBe(true);
  const { history } = await expectTrackedFile(options, tab, downloadsDir, orders);
  expect(history[0]).toMatchObject({ format: 'pdf-4x6', state: 'live' });
  expect(await renderWorkers(context, tab)).toHaveLength(1);
});

test('warm renderer: an export tab opened in the background takes the focus itself (no opener left to do it)', async ({ context, openExtensionPage, extensionId }) => {
  const options = await openExtensionPage('options.html');
  const url = `chrome-extension://${extensionId}/print.html#${new URLSearchParams({ orders: 'PO-211-00000000000001', format: 'pdf-4x6' }).toString()}`;
  const [tab] = await Promise.all([context.waitForEvent('page'), options.evaluate((u) => chrome.tabs.create({ url: u, active: false }), url)]);
  // Opened by this test's page, not by openExportPage: the 1.5 s fallback of the opener does not exist here.
  await expect.poll(() => isActiveTab(tab), { timeout: 10_000 }).toBe(true);
  expect(await isActiveTab(options)).toBe(false);
});
