import type { BrowserContext, Page } from '@playwright/test';
import { addressResponse, type FixtureOrder, makeOrder, orderListResponse } from '../tests/fixtures/order-fixtures';
import { expect, test } from '../tests/e2e/harness';
import { storedAddressCounts } from '../tests/e2e/capture-helpers';
import { PASSPHRASE, SHOP_ID, renderWorkers, saveDownloadsTo } from '../tests/e2e/export-helpers';
import { send } from '../tests/e2e/extension-messages';
import { median, recordFigure } from './figures';

/**
 * Benchmark, not a timed test: the popup's first render with 100,000
 * stored orders, captured through the production `capture/payload` path in 500-order pages
 * (the seller center's largest page). Prints the numbers; asserts only that the list shows.
 */
/**
 * Benchmark, not a timed test (issue 11): 500 labels, the seller's big day. For each format, from
 * the popup's Export click to the file being complete on disk and tracked by `export/record`,
 * several samples, each recorded with `recordFigure` beside an in-run baseline: the same number
 * of bytes saved with a plain `chrome.downloads.download` of a blob from an already-open extension
 * page (what any export must at least spend). The first export of each format is not counted
 * (first load of the worker script and renderer code). Also recorded: the `export/prepare`
 * round trip alone (decrypt + join + audit, the part no page change can shorten) and the longest
 * answer of the exporting page while it works (responsiveness). Seeding goes through the
 * production capture path (`capture/payload`), as the popup benchmark does.
 */
test('benchmark: 500-label exports in the export tab', async ({ context, serviceWorker, openExtensionPage, downloadsDir }) => {
  test.setTimeout(900_000);
  const SAMPLES = Number(process.env.SV_BENCH_SAMPLES ?? 5);
  // Ship-by a week ahead: none is due today, so the popup opens on all 500 at any hour (the due
  // view opens first when some are: at 00:30 UTC, 469 of these were due by the end of the day).
  const shipBy = Date.now() + 7 * 24 * 3_600_000;
  const orders = Array.from({ length: 500 }, (_, index) => makeOrder({ index, status: 2, shipBy }));
  const options = await openExtensionPage('options.html');
  await saveDownloadsTo(context, options, downloadsDir);
  await seedThroughCapturePayloads(openExtensionPage, options, orders);
  await expect.poll(async () => Object.values(await storedAddressCounts(serviceWorker, orders)).filter((n) => n === 1).length, { timeout: 60_000 }).toBe(orders.length);
  const popup = await openUnlockedPopupWithTotal(openExtensionPage, orders.length);
  await context.addInitScript(watchForCompleteExports);
  await popup.evaluate(watchForCompleteExports);

  const formats = [
    { format: 'pdf-4x6', id: 'pdf-4x6', maxMs: 1500 },
    { format: 'pdf-a4', id: 'pdf-a4', maxMs: undefined },
    { format: 'csv-shipandco', id: 'csv', maxMs: 500 },
    { format: 'zpl', id: 'zpl', maxMs: 500 },
  ] as const;
  const report: Record<string, unknown> = {};
  for (const { format, id, maxMs } of formats) {
    const runs: ExportRun[] = [];
    // One unrecorded warm-up (first use of the worker script, fonts, the background's caches).
    for (let n = 0; n <= SAMPLES; n++) {
      const run = await timedExport(context, popup, format);
      if (n > 0) runs.push(run);
    }
    const baseline: number[] = [];
    for (let n = 0; n < SAMPLES; n++) baseline.push(await plainDownloadMs(options, runs[0]!.bytes));
    const prepare: number[] = [];
    for (let n = 0; n < SAMPLES; n++) prepare.push(await prepareRoundTripMs(options, orders, format));
    recordFigure({
      id: `export.500.${id}.plain-download`,
      label: `plain chrome.downloads.download of a ${runs[0]!.bytes}-byte blob from an open extension page, until complete (baseline of the ${format} export)`,
      samplesMs: baseline,
      where: 'chromium',
    });
    recordFigure({
      id: `export.500.${id}`,
      label: `500 orders, ${format}: popup Export click → file complete on disk and tracked by export/record (one popup kept open across the exports)`,
      samplesMs: runs.map((r) => r.totalMs),
      baselineId: `export.500.${id}.plain-download`,
      ...(maxMs ? { target: { maxMs } } : {}),
      where: 'chromium',
    });
    recordFigure({
      id: `export.500.${id}.prepare`,
      label: `export/prepare round trip alone (500 orders, ${format}; decrypt + join + audit)`,
      samplesMs: prepare,
      where: 'chromium',
    });
    recordFigure({
      id: `export.500.${id}.main-thread`,
      label: `longest answer of the page running the ${format} export (export tab or popup) to a 50 ms ping`,
      samplesMs: runs.map((r) => r.maxMainThreadMs),
      where: 'chromium',
    });
    report[format] = {
      medianMs: median(runs.map((r) => r.totalMs)),
      plainDownloadMs: median(baseline),
      prepareMs: median(prepare),
      bytes: runs[0]!.bytes,
      runs: runs.map(({ totalMs, steps }) => ({ totalMs, steps })),
    };
  }

  // The 4x6 PDF without the popup kept open (docs/decisions.md, "Warm PDF renderer shared by the
  // popup and the export tab"). Above, one popup stays open across exports, so the shared render
  // worker has already rendered 500 labels: hot. Here each sample starts with no render worker:
  // cold, the export tab opened by URL from the options page (no popup, as a bookmark or reload);
  // fresh popup, a new popup with the orders ticked, the seller deciding for SELLER_DECIDES_MS
  // while it warms the worker (fonts, a rehearsal of sample labels), then Export.
  await popup.close();
  const sns = orders.map((o) => o.parentOrderSn);
  const printUrl = `${options.url().split('/options.html')[0]}/print.html#${new URLSearchParams({ orders: sns.join(','), format: 'pdf-4x6' }).toString()}`;
  const cold: ExportRun[] = [];
  const fresh: ExportRun[] = [];
  for (let n = 0; n < SAMPLES; n++) {
    await expect.poll(() => renderWorkers(context, options), { timeout: 15_000 }).toEqual([]);
    cold.push(
      await timedExport(context, options, 'pdf-4x6', () =>
        options.evaluate(async (url) => {
          const at = Date.now();
          await chrome.tabs.create({ url });
          return at;
        }, printUrl),
      ),
    );
    await expect.poll(() => renderWorkers(context, options), { timeout: 15_000 }).toEqual([]);
    const freshPopup = await openUnlockedPopupWithTotal(openExtensionPage, orders.length);
    await freshPopup.waitForTimeout(SELLER_DECIDES_MS);
    fresh.push(await timedExport(context, freshPopup, 'pdf-4x6'));
    await freshPopup.close();
  }
  recordFigure({
    id: 'export.500.pdf-4x6.cold',
    label: '500 orders, pdf-4x6, no render worker running: export tab opened by URL (tabs.create) → file complete and tracked',
    samplesMs: cold.map((r) => r.totalMs),
    baselineId: 'export.500.pdf-4x6.plain-download',
    target: { maxMs: 1500 },
    where: 'chromium',
  });
  recordFigure({
    id: 'export.500.pdf-4x6.fresh-popup',
    label: `500 orders, pdf-4x6, a new popup warming the render worker for ${SELLER_DECIDES_MS / 1000} s: Export click → file complete and tracked`,
    samplesMs: fresh.map((r) => r.totalMs),
    baselineId: 'export.500.pdf-4x6.plain-download',
    target: { maxMs: 1500 },
    where: 'chromium',
  });
  report['pdf-4x6 cold'] = { medianMs: median(cold.map((r) => r.totalMs)), runs: cold.map(({ totalMs, steps }) => ({ totalMs, steps })) };
  report['pdf-4x6 fresh popup'] = { medianMs: median(fresh.map((r) => r.totalMs)), runs: fresh.map(({ totalMs, steps }) => ({ totalMs, steps })) };

  const summary = `500 orders, click → tracked file: ${JSON.stringify(report)}`;
  console.log(`[bench] ${summary}`);
  test.info().annotations.push({ type: 'benchmark', description: summary });
});

/** How long the seller looks at the popup with the orders ticked before clicking Export (the fresh-popup figure). */
const SELLER_DECIDES_MS = 3_000;

interface ExportRun {
  totalMs: number;
  maxMainThreadMs: number;
  bytes: number;
  steps: Record<string, number>;
}

/**
 * Seeds `orders` through the production `capture/payload` path (order list pages, then one
 * address API answer per order, as the page hook forwards them), from extension pages: the
 * background allows 120 captures per 10 s per tab, so the addresses go out over several tabs.
 */
async function seedThroughCapturePayloads(openExtensionPage: (p: string) => Promise<Page>, options: Page, orders: FixtureOrder[]) {
  expect(await send(options, 'vault/setup', { passphrase: PASSPHRASE })).toMatchObject({ ok: true });
  expect(await send(options, 'consent/grant', { shopId: SHOP_ID, displayName: 'bench shop' })).toMatchObject({ ok: true });
  const base = { shopId: SHOP_ID, pageUrl: 'https://agentseller.temu.com/mmsos/orders.html', utcOffsetMinutes: 0 };
  for (let start = 0; start < orders.length; start += 100) {
    const json = JSON.stringify(orderListResponse(orders.slice(start, start + 100)));
    const reply = await send(options, 'capture/payload', { ...base, kind: 'orderList', orderSnHint: null, json });
    expect(reply.ok, JSON.stringify(reply.error)).toBe(true);
  }
  const PER_TAB = 100;
  const tabs = await Promise.all(Array.from({ length: Math.ceil(orders.length / PER_TAB) }, () => openExtensionPage('options.html')));
  await Promise.all(
    tabs.map(async (tab, t) => {
      const payloads = orders
        .slice(t * PER_TAB, (t + 1) * PER_TAB)
        .map((o) => ({ ...base, kind: 'address', orderSnHint: o.parentOrderSn, json: JSON.stringify(addressResponse(o)) }));
      const replies = await tab.evaluate(
        (all) => Promise.all(all.map((data) => chrome.runtime.sendMessage({ tag: 'seller-vault/v1', type: 'capture/payload', data }) as Promise<{ ok: boolean }>)),
        payloads,
      );
      expect(replies.filter((r) => !r.ok)).toEqual([]);
      await tab.close();
    }),
  );
}

/** Stamps, in a page, when each export result first says "The file is complete" (by download id). */
function watchForCompleteExports() {
  const w = window as unknown as { __svCompleteAt?: Record<string, number> };
  if (w.__svCompleteAt) return;
  const stamps: Record<string, number> = {};
  w.__svCompleteAt = stamps;
  new MutationObserver(() => {
    const done = document.querySelector('[data-testid="export-done"]');
    const id = done?.getAttribute('data-download-id');
    if (id && stamps[id] === undefined && done?.textContent?.includes('The file is complete')) stamps[id] = Date.now();
  }).observe(document, { subtree: true, childList: true, characterData: true, attributes: true });
}

/**
 * One export from the popup, as the seller clicks it: PDFs run in the export tab it opens, CSV
 * and ZPL in the popup. The click is dispatched and timed in the popup; the end is when that
 * page shows the result "The file is complete", which it does only once export/save has
 * tracked the file and Chromium reported the download complete (stamped in the page by a
 * MutationObserver, not by polling). Meanwhile the page is pinged every 50 ms: the slowest
 * answer is how long its main thread was busy.
 */
async function timedExport(context: BrowserContext, popup: Page, format: string, start?: () => Promise<number>): Promise<ExportRun> {
  if (!start) await popup.getByTestId('export-format').selectOption(format);
  const before = await popup.evaluate(() => document.querySelector('[data-testid="export-done"]')?.getAttribute('data-download-id') ?? null);
  let onPage: (page: Page) => void = () => undefined;
  const tabOpened = new Promise<Page>((resolve) => {
    onPage = resolve;
    context.on('page', onPage);
  });
  const clickedAt = start
    ? await start()
    : await popup.evaluate(() => {
        const at = Date.now();
        document.querySelector<HTMLButtonElement>('[data-testid="export-button"]')?.click();
        return at;
      });
  // Where the export runs: the tab it opens, or the popup itself (CSV, ZPL). Decided by what
  // happens, so the same bench also measures builds that opened a tab for every format.
  const inPopup = popup.waitForSelector('[data-testid="export-job"]', { timeout: 30_000 }).then(
    () => popup,
    () => new Promise<Page>(() => undefined),
  );
  const page = await Promise.race([tabOpened, inPopup]);
  context.off('page', onPage);
  const inTab = page !== popup;
  let maxMainThreadMs = 0;
  let downloadId: string | null = null;
  const deadline = Date.now() + 120_000;
  while (downloadId === null || downloadId === before) {
    if (Date.now() > deadline)
      throw new Error(`${format}: no finished export within 120 s (${page.url().slice(0, 80)}: ${(await page.textContent('body').catch(() => ''))?.slice(0, 300)})`);
    const t0 = Date.now();
    const seen = await page
      .evaluate(() => {
        const failed = document.querySelector('[data-testid="export-error"]')?.textContent;
        if (failed) return { failed };
        const done = document.querySelector('[data-testid="export-done"]');
        return { id: done?.textContent?.includes('The file is complete') ? done.getAttribute('data-download-id') : null };
      })
      .catch(() => ({ id: null })); // the tab is still loading
    if ('failed' in seen) throw new Error(`${format}: ${seen.failed}`);
    maxMainThreadMs = Math.max(maxMainThreadMs, Date.now() - t0);
    downloadId = seen.id ?? null;
    if (downloadId === null || downloadId === before) await page.waitForTimeout(50);
  }
  const found = await page.evaluate(async (id) => {
    const [item] = await chrome.downloads.search({ id });
    return {
      item,
      completeAt: (window as unknown as { __svCompleteAt: Record<string, number> }).__svCompleteAt[String(id)],
      navigationStart: performance.timeOrigin,
    };
  }, Number(downloadId));
  expect(found.item).toMatchObject({ state: 'complete', exists: true });
  const steps: Record<string, number> = {
    ...(inTab ? { tabNavigation: Math.round(found.navigationStart - clickedAt) } : {}),
    downloadStart: Date.parse(found.item!.startTime) - clickedAt,
    downloadComplete: Date.parse(found.item!.endTime!) - clickedAt,
    shownComplete: found.completeAt! - clickedAt,
  };
  if (inTab) await page.close();
  return { totalMs: found.completeAt! - clickedAt, maxMainThreadMs, bytes: found.item!.fileSize, steps };
}

/** The baseline: `bytes` random-ish bytes saved from an open extension page through chrome.downloads, until complete. */
async function plainDownloadMs(page: Page, bytes: number): Promise<number> {
  return page.evaluate(async (size) => {
    const data = new Uint8Array(size);
    for (let i = 0; i < size; i++) data[i] = (i * 31) & 0xff;
    const t0 = Date.now();
    const url = URL.createObjectURL(new Blob([data], { type: 'application/octet-stream' }));
    const id = await chrome.downloads.download({ url, filename: 'sv-bench-plain.bin', conflictAction: 'uniquify', saveAs: false });
    await new Promise<void>((resolve) => {
      const check = (delta: chrome.downloads.DownloadDelta) => {
        if (delta.id === id && delta.state?.current === 'complete') done();
      };
      const done = () => {
        chrome.downloads.onChanged.removeListener(check);
        resolve();
      };
      chrome.downloads.onChanged.addListener(check);
      void chrome.downloads.search({ id }).then(([item]) => item?.state === 'complete' && done());
    });
    const ms = Date.now() - t0;
    URL.revokeObjectURL(url);
    await chrome.downloads.removeFile(id);
    await chrome.downloads.erase({ id });
    return ms;
  }, bytes);
}

/** `export/prepare` alone, from an open extension page (one audited read each). */
async function prepareRoundTripMs(page: Page, orders: FixtureOrder[], format: string): Promise<number> {
  return page.evaluate(
    async ([orderSns, f]) => {
      const t0 = performance.now();
      const reply = (await chrome.runtime.sendMessage({ tag: 'seller-vault/v1', type: 'export/prepare', data: { orderSns, format: f } })) as { ok: boolean };
      if (!reply.ok) throw new Error(JSON.stringify(reply));
      return Math.round(performance.now() - t0);
    },
    [orders.map((o) => o.parentOrderSn), format] as const,
  );
}

async function openUnlockedPopupWithTotal(openExtensionPage: (p: string) => Promise<Page>, total: number) {
  const popup = await openExtensionPage('popup.html');
  await expect(popup.getByTestId('order-count')).toHaveText(`${total} orders`, { timeout: 30_000 });
  await popup.getByTestId('select-all').click();
  await expect(popup.getByTestId('selected-count')).toHaveText(`${total} selected`);
  return popup;
}
