import fs from 'node:fs';
import type { Page } from '@playwright/test';
import { makeOrder } from '../tests/fixtures/order-fixtures';
import { expect, test } from '../tests/e2e/harness';
import { seedShop, exportFromPopup, saveDownloadsTo, waitForFile } from '../tests/e2e/export-helpers';

/**
 * Benchmark, not a timed test: 500 labels, the seller's big day, from the
 * popup's Export click to the tracked file; and how long the export tab's main thread takes
 * to answer while the worker renders (responsiveness).
 */
test('benchmark: 500-label exports in the export tab', async ({ context, serviceWorker, sellerCenter, openExtensionPage, downloadsDir }) => {
  test.setTimeout(600_000);
  const orders = Array.from({ length: 500 }, (_, index) => makeOrder({ index, status: 2 }));
  sellerCenter.pageSize = 100;
  const options = await openExtensionPage('options.html');
  await saveDownloadsTo(context, options, downloadsDir);
  await seedShop({ context, serviceWorker, sellerCenter, openExtensionPage }, options, orders);
  const popup = await openUnlockedPopupWithTotal(openExtensionPage, orders.length);

  const results: Record<string, { totalMs: number; maxMainThreadMs: number; bytes: number }> = {};
  for (const format of ['pdf-4x6', 'pdf-a4', 'csv-shipandco', 'zpl']) {
    const started = Date.now();
    const tab = await exportFromPopup(context, popup, format);
    let maxMainThreadMs = 0;
    while (!(await tab.getByTestId('export-done').isVisible())) {
      const t0 = Date.now();
      await tab.evaluate(() => 1);
      maxMainThreadMs = Math.max(maxMainThreadMs, Date.now() - t0);
      await tab.waitForTimeout(50);
    }
    const file = await waitForFile(tab, downloadsDir);
    results[format] = { totalMs: Date.now() - started, maxMainThreadMs, bytes: fs.statSync(file).size };
    await tab.close();
  }
  const summary = `500 orders, click → tracked file: ${JSON.stringify(results)}`;
  console.log(`[bench] ${summary}`);
  test.info().annotations.push({ type: 'benchmark', description: summary });
});

async function openUnlockedPopupWithTotal(openExtensionPage: (p: string) => Promise<Page>, total: number) {
  const popup = await openExtensionPage('popup.html');
  await expect(popup.getByTestId('order-count')).toHaveText(`${total} orders`, { timeout: 30_000 });
  await popup.getByTestId('select-all').click();
  await expect(popup.getByTestId('selected-count')).toHaveText(`${total} selected`);
  return popup;
}
