import fs from 'node:fs';
import Papa from 'papaparse';
import { DAY_MS, makeOrder } from '../fixtures/order-fixtures';
import { UTC_PLUS_8 } from '../fixtures/seller-center-server';
import { authorizeInOptions, capturedOrderSns, readTable, viewAddress } from './capture-helpers';
import { exportFromPopup, saveDownloadsTo, waitForFile } from './export-helpers';
import { sendOk } from './extension-messages';
import { expect, test } from './harness';
import { MIN, PASSPHRASE, advanceWorkerClock } from './retention-helpers';
import type { Worker } from '@playwright/test';

/**
 * Issue 10: the seller center writes its "YYYY-MM-DD HH:mm:ss" strings in the zone the page asks
 * for (UTC+8 here: list request body `timeZone`, page URL `timeZone=UTC%2B8`), while the browser
 * (pages AND the extension's service worker) runs in America/New_York. The list serves time
 * strings only (no unix seconds), so every stored instant depends on reading the page's zone.
 */
test.use({ browserTimezone: 'America/New_York', sellerCenterOptions: { zone: UTC_PLUS_8, unixTimes: false } });

const soft = expect.configure({ soft: true });
/** Whole minutes: the instants the fixture serves are exact to the second, compared to the minute. */
const atMinute = (ms: number) => Math.floor(ms / MIN) * MIN;
const toMinute = (ms: number | null | undefined) => (ms == null ? ms : atMinute(ms));

type StoredOrder = { orderSn: string; createdAt: number | null; shipBy: number | null; shippedAt: number | null; piiState: string };

/** Records, inside the worker, the alarms that fired (test-side listener beside the production one). */
async function watchAlarms(worker: Worker) {
  await worker.evaluate(() => {
    const g = globalThis as unknown as { __svFired?: string[] };
    if (g.__svFired) return;
    g.__svFired = [];
    chrome.alarms.onAlarm.addListener((a) => g.__svFired!.push(a.name));
  });
}

/**
 * Fires the production one-shot purge alarm now (real time), waits until it fired and its handler
 * had time to run. The worker re-arms that same alarm after every write (retention `rearm`, on its
 * moved clock: a minute or more away), so a write landing late (an audit entry, a capture still in
 * flight) can replace the test's alarm before it fires; it is then created again.
 */
async function firePurgeAlarm(worker: Worker) {
  const firedCount = () => worker.evaluate(() => (globalThis as unknown as { __svFired: string[] }).__svFired.length);
  const before = await firedCount();
  const armSoon = () =>
    worker.evaluate(async () => {
      const realNow = ((globalThis as unknown as { __svRealNow?: () => number }).__svRealNow ?? Date.now)();
      const armed = await chrome.alarms.get('retention-next-purge');
      if (!armed || armed.scheduledTime > realNow + 1_000) await chrome.alarms.create('retention-next-purge', { when: realNow + 200 });
    });
  await expect
    .poll(
      async () => {
        const fired = await firedCount();
        if (fired === before) await armSoon();
        return fired;
      },
      { timeout: 15_000, message: 'the purge alarm fired' },
    )
    .toBeGreaterThan(before);
  await new Promise((r) => setTimeout(r, 2_000));
}

test('page in UTC+8, browser in New York: stored created/shipped times are the true instants; the real alarm purges at the true 28-day instant, not a minute before', async ({
  context,
  serviceWorker,
  sellerCenter,
  openExtensionPage,
}) => {
  const now = Date.now();
  // Shipped 27 d 23 h ago: due in about an hour. A reading off by the zone (8 h, 13 h or 14 h) makes it due already, or much later.
  const edge = makeOrder({ index: 0, status: 4, now, createdAt: atMinute(now - 29 * DAY_MS), shippedAt: atMinute(now - 27 * DAY_MS - 23 * 60 * MIN) });
  const listed = makeOrder({ index: 1, status: 4, now, createdAt: atMinute(now - 3 * DAY_MS - 5 * 60 * MIN), shippedAt: atMinute(now - 2 * DAY_MS - 7 * 60 * MIN) });
  // Created 13:xx UTC+8 yesterday: the local date differs between UTC+8 and New York.
  const toShip = makeOrder({ index: 2, status: 2, now, createdAt: atMinute(now - DAY_MS - 13 * 60 * MIN) });
  // Seen only on its detail page (rawData: localParentOrderTimeStr, package sendTimeStr).
  const detailOnly = makeOrder({ index: 3, status: 4, now, createdAt: atMinute(now - 5 * DAY_MS - 30 * MIN), shippedAt: atMinute(now - 4 * DAY_MS - 11 * 60 * MIN) });

  const options = await openExtensionPage('options.html');
  // The browser really runs in New York: pages and the service worker (EST in December, EDT in summer).
  const nyOffset =
    -Number(
      new Intl.DateTimeFormat('en-US', { timeZone: 'America/New_York', timeZoneName: 'longOffset' })
        .formatToParts(now)
        .find((p) => p.type === 'timeZoneName')!
        .value.replace(/^GMT/, '')
        .split(':')[0],
    ) * 60;
  expect(await options.evaluate(() => new Date().getTimezoneOffset())).toBe(nyOffset);
  expect(await serviceWorker.evaluate(() => new Date().getTimezoneOffset())).toBe(nyOffset);

  await sendOk(options, 'vault/setup', { passphrase: PASSPHRASE });
  await (await authorizeInOptions(openExtensionPage, sellerCenter.mallId)).close();
  sellerCenter.orders = [edge, listed, toShip];
  sellerCenter.pageSize = 10;
  const page = await context.newPage();
  await page.goto(sellerCenter.orderListUrl());
  expect(page.url()).toContain('timeZone=UTC%2B8');
  await expect(page.getByTestId('fixture-status')).toHaveText('ok page 1');
  expect(sellerCenter.requests.find((r) => r.path === '/kirogi/bg/mms/recentOrderList')?.body).toMatchObject({ timeZone: 'UTC+8' });
  await expect.poll(() => capturedOrderSns(serviceWorker)).toEqual([edge, listed, toShip].map((o) => o.parentOrderSn).sort());

  const orders = async () => new Map((await readTable<StoredOrder>(serviceWorker, 'orders')).map((o) => [o.orderSn, o]));
  const facts = (o: StoredOrder | undefined) => o && { createdAt: toMinute(o.createdAt), shipBy: toMinute(o.shipBy), shippedAt: toMinute(o.shippedAt) };
  const truth = (o: typeof edge) => ({ createdAt: o.createdAt, shipBy: o.shipBy, shippedAt: o.shippedAt });
  let stored = await orders();
  for (const o of [edge, listed, toShip]) soft(facts(stored.get(o.parentOrderSn)), `list: times of ${o.parentOrderSn}`).toEqual(truth(o));

  // The same list reached without `timeZone` in the URL (in-app navigation), over XHR: only the
  // request body names the zone.
  const viaBody = makeOrder({ index: 4, status: 4, now, createdAt: atMinute(now - 6 * DAY_MS - 17 * 60 * MIN), shippedAt: atMinute(now - 5 * DAY_MS - 2 * 60 * MIN) });
  sellerCenter.orders = [viaBody];
  await page.goto(sellerCenter.orderListUrl({ transport: 'xhr', zoneInUrl: false }));
  await expect(page.getByTestId('fixture-status')).toHaveText('ok page 1');
  await expect.poll(() => capturedOrderSns(serviceWorker)).toContain(viaBody.parentOrderSn);
  soft(facts((await orders()).get(viaBody.parentOrderSn)), 'zone from the request body only: times').toEqual(truth(viaBody));
  sellerCenter.orders = [edge, listed, toShip];

  // Detail pages with rawData (full address; times as UTC+8 strings): the instants stay the true ones.
  sellerCenter.orders.push(detailOnly);
  const buyerSns = async () => (await readTable<{ orderSn: string }>(serviceWorker, 'buyers')).map((b) => b.orderSn).sort();
  // One page at a time, as a seller reads them: leaving a page at once can drop its capture in flight.
  for (const o of [edge, listed, detailOnly]) {
    await page.goto(sellerCenter.orderDetailUrl(o.parentOrderSn, 'rawData'));
    await expect.poll(buyerSns, { message: `address of ${o.parentOrderSn} stored`, timeout: 20_000 }).toContain(o.parentOrderSn);
  }
  await expect.poll(buyerSns, { message: 'addresses of the detail pages stored', timeout: 20_000 }).toEqual([edge, listed, detailOnly].map((o) => o.parentOrderSn).sort());
  stored = await orders();
  for (const o of [edge, listed]) soft(facts(stored.get(o.parentOrderSn)), `list + rawData: times of ${o.parentOrderSn}`).toEqual(truth(o));
  soft(toMinute(stored.get(detailOnly.parentOrderSn)?.shippedAt), 'rawData only: shippedAt from sendTimeStr').toBe(detailOnly.shippedAt);
  soft(toMinute(stored.get(detailOnly.parentOrderSn)?.createdAt), 'rawData only: createdAt from localParentOrderTimeStr').toBe(detailOnly.createdAt);

  // The address of the edge order is due exactly 28 days after its true shipping instant.
  const truePurge = edge.shippedAt! + 28 * DAY_MS;
  const edgeBuyer = (await readTable<{ orderSn: string; purgeAt: number }>(serviceWorker, 'buyers')).find((b) => b.orderSn === edge.parentOrderSn)!;
  soft(edgeBuyer.purgeAt, 'purgeAt = true shipping instant + 28 d').toBe(truePurge);
  await page.close();
  await options.close();

  // One minute before the true instant the real alarm leaves it; one minute after, it purges it.
  await watchAlarms(serviceWorker);
  await advanceWorkerClock(serviceWorker, truePurge - MIN - Date.now());
  await firePurgeAlarm(serviceWorker);
  expect(await buyerSns(), 'not purged 1 minute before its true 28-day instant').toContain(edge.parentOrderSn);

  await advanceWorkerClock(serviceWorker, truePurge + MIN - Date.now());
  await firePurgeAlarm(serviceWorker);
  await expect.poll(buyerSns, { message: 'purged by the real alarm once its true 28-day instant passed', timeout: 10_000 }).not.toContain(edge.parentOrderSn);
  expect(await buyerSns()).toEqual([listed, detailOnly].map((o) => o.parentOrderSn).sort());
  expect((await orders()).get(edge.parentOrderSn)).toMatchObject({ piiState: 'purged' });
});

test('ship action and packages: shippedAt is the ship moment; the tracking number from main_batch_query shows in the popup and the generic CSV', async ({
  context,
  serviceWorker,
  sellerCenter,
  openExtensionPage,
  downloadsDir,
}) => {
  test.setTimeout(90_000);
  const now = Date.now();
  const toShip = makeOrder({ index: 0, status: 2, now, createdAt: atMinute(now - DAY_MS - 3 * 60 * MIN) });
  const shippedBefore = makeOrder({ index: 1, status: 4, now, createdAt: atMinute(now - 4 * DAY_MS), shippedAt: atMinute(now - 3 * DAY_MS) });
  const options = await openExtensionPage('options.html');
  await saveDownloadsTo(context, options, downloadsDir);
  await sendOk(options, 'vault/setup', { passphrase: PASSPHRASE });
  await (await authorizeInOptions(openExtensionPage, sellerCenter.mallId)).close();
  sellerCenter.orders = [toShip, shippedBefore];

  const page = await context.newPage();
  await page.goto(sellerCenter.orderListUrl());
  await expect(page.getByTestId('fixture-status')).toHaveText('ok page 1');
  await expect.poll(() => capturedOrderSns(serviceWorker)).toEqual([toShip, shippedBefore].map((o) => o.parentOrderSn).sort());
  await viewAddress(page, sellerCenter, toShip, 'api');
  await expect.poll(async () => (await readTable<{ orderSn: string }>(serviceWorker, 'buyers')).map((b) => b.orderSn)).toEqual([toShip.parentOrderSn]);
  const stored = async () => (await readTable<StoredOrder>(serviceWorker, 'orders')).find((o) => o.orderSn === toShip.parentOrderSn)!;
  expect((await stored()).shippedAt).toBeNull();

  // The seller ships from the list page (batch_send), then the page loads the packages (main_batch_query).
  await page.goto(sellerCenter.orderListUrl());
  await expect(page.getByTestId('fixture-status')).toHaveText('ok page 1');
  await page.getByTestId('fixture-ship').click();
  await expect(page.getByTestId('fixture-status')).toHaveText('shipped 1');
  const shipMoment = sellerCenter.shipments.find((s) => s.parentOrderSn === toShip.parentOrderSn)!.at;
  expect(sellerCenter.requests.find((r) => r.path === '/mms/eagle/package/online/batch_send')?.body).toMatchObject({
    send_request_list: [{ order_send_info_list: [{ parent_order_sn: toShip.parentOrderSn }] }],
  });
  await page.getByTestId('fixture-load-packages').click();
  await expect(page.getByTestId('fixture-status')).toHaveText('packages 2');
  const tracking = toShip.package!.trackingNumber;

  // Clock tolerance: the worker stamps the ship action when the answer reaches it (seconds later at most).
  const TOLERANCE = 60_000;
  await soft
    .poll(async () => Math.abs(((await stored()).shippedAt ?? Number.NEGATIVE_INFINITY) - shipMoment), { message: 'shippedAt = the ship moment', timeout: 10_000 })
    .toBeLessThanOrEqual(TOLERANCE);

  const popup = await openExtensionPage('popup.html');
  const row = popup.locator(`[data-testid="order-row"][data-order-sn="${toShip.parentOrderSn}"]`);
  await expect(row).toBeVisible({ timeout: 20_000 });
  await soft(row.getByTestId('order-tracking'), 'tracking number in the popup row').toContainText(tracking);

  await row.locator('input[type="checkbox"]').click();
  await expect(popup.getByTestId('selected-count')).toHaveText('1 selected');
  const file = await waitForFile(await exportFromPopup(context, popup, 'csv-generic'), downloadsDir);
  const parsed = Papa.parse<Record<string, string>>(fs.readFileSync(file, 'utf8').replace(/^\uFEFF/, ''), { header: true, skipEmptyLines: true });
  expect(parsed.errors).toEqual([]);
  expect(parsed.data).toHaveLength(1);
  const csvRow = parsed.data[0]!;
  // Header "Tracking Number" / "Carrier" (case and spaces ignored).
  const column = (name: string) => Object.keys(csvRow).find((k) => k.replace(/\s+/g, '').toLowerCase() === name.replace(/\s+/g, '').toLowerCase());
  soft(column('Tracking Number'), `CSV columns: ${Object.keys(csvRow).join(', ')}`).toBeDefined();
  soft(csvRow[column('Tracking Number') ?? 'Tracking Number'], 'CSV Tracking Number').toBe(tracking);
  soft(csvRow[column('Carrier') ?? 'Carrier'], 'CSV Carrier').toBe(toShip.package!.carrier);
});
