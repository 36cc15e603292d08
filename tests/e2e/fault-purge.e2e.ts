import { DAY_MS, addressResponse, makeOrders, orderListResponse } from '../fixtures/order-fixtures';
import { sendOk } from './extension-messages';
import { bringDue, readRaw, seedHeldRows, shredDays, stopWorker, type RawState } from './fault-helpers';
import { expect, test } from './harness';
import { PASSPHRASE } from './retention-helpers';

/**
 * Issue 16, fault injection: the service worker stopped (DevTools protocol) in the middle of a
 * purge of thousands of due rows. Between the stop and the next wake, no order is half-written:
 * a buyers row is either still there (its key too, or its key already shredded — the purge deletes
 * keys first, so the PII is unrecoverable from that moment) or gone with its key, and no order is
 * marked purged while its buyers row remains. The next wake (here: a message that reads no buyer
 * data) finishes the purge; the audit chain verifies; orders not due still open.
 */
const SHOP = '634418212345';
const base = { shopId: SHOP, pageUrl: 'https://agentseller.temu.com/mmsos/orders.html', utcOffsetMinutes: 0, orderSnHint: null };
const SEEDED = 3_000;

/** Which step the stop landed in, from the stored state (logged; every step must be safe). */
function phase(state: RawState, due: string[]): string {
  const buyers = new Set(state.buyers);
  const keyed = new Set(state.keyed);
  const purged = new Set(state.orders.filter((o) => o.piiState === 'purged').map((o) => o.orderSn));
  const rows = due.filter((sn) => buyers.has(sn)).length;
  const keys = due.filter((sn) => keyed.has(sn)).length;
  const marked = due.filter((sn) => purged.has(sn)).length;
  return `due ${due.length}: buyers rows ${rows}, keys ${keys}, orders marked purged ${marked}`;
}

/** The invariants that must hold at any instant, whatever step was cut. */
function expectNoHalfWrittenRows(state: RawState, due: string[], kept: string[]) {
  const buyers = new Set(state.buyers);
  const keyed = new Set(state.keyed);
  const orders = new Map(state.orders.map((o) => [o.orderSn, o]));
  // A buyers row erased leaves no key behind (keys go first, in the same step).
  expect(
    due.filter((sn) => !buyers.has(sn) && keyed.has(sn)),
    'keys left of erased buyers rows',
  ).toEqual([]);
  // An order marked purged has no buyers row left.
  expect(
    due.filter((sn) => orders.get(sn)?.piiState === 'purged' && buyers.has(sn)),
    'orders marked purged with a buyers row',
  ).toEqual([]);
  // Every due order is still stored (its non-personal facts stay).
  expect(due.filter((sn) => !orders.has(sn))).toEqual([]);
  // Orders not due are untouched: row, key and state.
  expect(
    kept.filter((sn) => !buyers.has(sn) || !keyed.has(sn) || orders.get(sn)?.piiState !== 'present'),
    'kept orders touched',
  ).toEqual([]);
}

test('worker stopped in the middle of a purge: no half-written rows, the next wake finishes it, the audit chain verifies', async ({
  context,
  serviceWorker,
  extensionId,
  openExtensionPage,
}) => {
  test.setTimeout(120_000);
  const options = await openExtensionPage('options.html#policy');
  await sendOk(options, 'vault/setup', { passphrase: PASSPHRASE });
  await sendOk(options, 'consent/grant', { shopId: SHOP, displayName: 'fault shop' });
  // 30 real captured orders (sealed and openable), shipped yesterday: 20 will be due, 10 kept.
  const now = Date.now();
  const orders = makeOrders(30, { status: 4, now, shippedAt: now - DAY_MS });
  await sendOk(options, 'capture/payload', { ...base, kind: 'orderList', json: JSON.stringify(orderListResponse(orders)) });
  for (const o of orders) await sendOk(options, 'capture/payload', { ...base, kind: 'address', orderSnHint: o.parentOrderSn, json: JSON.stringify(addressResponse(o)) });
  console.log(`[fault purge] captured at ${Date.now() - now} ms`);
  const realDue = orders.slice(0, 20).map((o) => o.parentOrderSn);
  const kept = orders.slice(20).map((o) => o.parentOrderSn);
  await options.close();

  // Thousands more due (filed under yesterday and today), so the purge runs for seconds.
  const seeded = await seedHeldRows(serviceWorker, 'PO-FAULT', SEEDED, (i) => Date.now() - 60_000 - (i % 2) * DAY_MS);
  await bringDue(serviceWorker, realDue, Date.now() - 60_000);
  const due = [...realDue, ...seeded];
  console.log(`[fault purge] seeded at ${Date.now() - now} ms`);

  // A page that sends no message of its own: reading it never wakes the worker or purges.
  const raw = await context.newPage();
  await raw.goto(`chrome-extension://${extensionId}/manifest.json`);
  const before = await readRaw(raw);
  expect(before.buyers).toHaveLength(due.length + kept.length);

  // The purge from the real alarm; the worker stopped once the purge has begun shredding keys
  // (yesterday's shred file gone).
  const yesterday = Math.floor((Date.now() - DAY_MS) / DAY_MS);
  expect(before.shredDays).toContain(yesterday);
  await serviceWorker.evaluate(() => chrome.alarms.create('retention-next-purge', { when: Date.now() + 50 }));
  await expect.poll(async () => (await shredDays(raw)).includes(yesterday), { timeout: 20_000, intervals: [5] }).toBe(false);
  await stopWorker(context, raw, extensionId);

  console.log(`[fault purge] stopped at ${Date.now() - now} ms`);
  const cut = await readRaw(raw);
  console.log(`[fault purge] stopped at: ${phase(cut, due)}`);
  expectNoHalfWrittenRows(cut, due, kept);

  // Next wake: a message that reads no buyer data. The wake itself finishes the purge.
  const page = await openExtensionPage('options.html#policy');
  await sendOk(page, 'vault/status', {});
  await expect
    .poll(async () => phase(await readRaw(raw), due), { timeout: 30_000, intervals: [500] })
    .toBe(`due ${due.length}: buyers rows 0, keys 0, orders marked purged ${due.length}`);
  console.log(`[fault purge] finished at ${Date.now() - now} ms`);
  const after = await readRaw(raw);
  expectNoHalfWrittenRows(after, due, kept);
  expect(after.orders.filter((o) => due.includes(o.orderSn) && o.purgeAt !== null)).toEqual([]);
  // Yesterday's shred file is gone whole; only files of today or later remain.
  expect(after.shredDays.filter((d) => d <= yesterday)).toEqual([]);

  // The audit chain verifies; each due order is recorded as purged.
  expect(await sendOk(page, 'audit/verify', {})).toMatchObject({ ok: true });
  const log = await sendOk<{ entries: { action: string; orderSns: string[] }[] }>(page, 'audit/export', {});
  const purgedInLog = new Set(log.entries.filter((e) => e.action === 'retention.purge').flatMap((e) => e.orderSns));
  expect(due.filter((sn) => !purgedInLog.has(sn))).toEqual([]);
  // Orders not due still open.
  const opened = await sendOk<{ results: Record<string, { state: string }> }>(page, 'buyers/open', { orderSns: kept });
  expect(Object.values(opened.results).map((r) => r.state)).toEqual(Array(kept.length).fill('ok'));
});
