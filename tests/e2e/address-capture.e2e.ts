import { daysAgo, makeOrder, makeOrders } from '../fixtures/order-fixtures';
import { auditActions, authorizeInOptions, capturedOrderSns, newSellerCenterPage, readTable } from './capture-helpers';
import { expect, test } from './harness';
import { send, sendOk } from './extension-messages';

const PASSPHRASE = 'correct horse battery staple 2026 — Seller Vault!';
/** ISO codes of the fixture buyers' countries, as the seller center names them. */
const COUNTRY_CODES: Record<string, string> = {
  France: 'FR',
  Poland: 'PL',
  Germany: 'DE',
  Kazakhstan: 'KZ',
  Greece: 'GR',
  'United States': 'US',
  Japan: 'JP',
  Spain: 'ES',
};

test('addresses from rawData, the address API and the DOM are sealed; masked and already-due ones are not', async ({ context, serviceWorker, sellerCenter, openExtensionPage }) => {
  const orders = makeOrders(8);
  // Index 0: shipped 30 days ago → its address is already due and must never be written.
  orders[0] = makeOrder({ index: 0, status: 4, shippedAt: daysAgo(30) });
  sellerCenter.orders = orders;
  sellerCenter.pageSize = 8;

  // Not authorized yet: a detail page with rawData stores nothing.
  const page = await newSellerCenterPage(context, sellerCenter.orderDetailUrl(orders[3]!.parentOrderSn, 'rawData'));
  await expect(page.getByTestId('fixture-status')).toHaveText('ready');
  await page.waitForTimeout(500);
  expect(await capturedOrderSns(serviceWorker)).toEqual([]);

  const options = await authorizeInOptions(openExtensionPage, sellerCenter.mallId);
  // The worker checks strength with the packaged dictionaries (read on set-up, not bundled):
  // 11 characters pass every rule but the common-password list.
  expect(await send(options, 'vault/setup', { passphrase: 'password123' })).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
  await sendOk(options, 'vault/setup', { passphrase: PASSPHRASE });

  // The list first (so the 30-days-ago shipping time is known), then three detail pages.
  await page.goto(sellerCenter.orderListUrl());
  await expect(page.getByTestId('fixture-status')).toHaveText('ok page 1');
  await expect.poll(async () => (await capturedOrderSns(serviceWorker)).length).toBe(8);

  const buyers = () => readTable<{ orderSn: string; source: string }>(serviceWorker, 'buyers');
  // rawData (Cyrillic buyer)
  await page.goto(sellerCenter.orderDetailUrl(orders[3]!.parentOrderSn, 'rawData'));
  await expect.poll(async () => (await buyers()).map((b) => `${b.orderSn}:${b.source}`)).toEqual([`${orders[3]!.parentOrderSn}:rawData`]);

  // address API after "View address" (Greek buyer); rawData there is masked → skipped, not stored.
  await page.goto(sellerCenter.orderDetailUrl(orders[4]!.parentOrderSn, 'api'));
  await expect(page.getByTestId('fixture-status')).toHaveText('ready');
  await page.waitForTimeout(300);
  expect((await buyers()).map((b) => b.orderSn)).not.toContain(orders[4]!.parentOrderSn);
  await page.getByTestId('fixture-view-address').click();
  await expect(page.getByTestId('fixture-status')).toHaveText('address shown');
  expect(sellerCenter.requests.map((r) => r.path)).toContain('/kirogi/bg/mms/sellerNotes');
  await expect.poll(async () => (await buyers()).map((b) => b.orderSn)).toContain(orders[4]!.parentOrderSn);

  // DOM only (CJK buyer)
  await page.goto(sellerCenter.orderDetailUrl(orders[6]!.parentOrderSn, 'dom'));
  await expect.poll(async () => (await buyers()).find((b) => b.orderSn === orders[6]!.parentOrderSn)?.source).toBe('dom');

  // Shipped 30 days ago: never written.
  await page.goto(sellerCenter.orderDetailUrl(orders[0]!.parentOrderSn, 'dom'));
  await page.waitForTimeout(1000);
  expect((await buyers()).map((b) => b.orderSn).sort()).toEqual([orders[3]!, orders[4]!, orders[6]!].map((o) => o.parentOrderSn).sort());

  // Sealed at rest (no plaintext name in the row), and opens to exactly what the page showed.
  const rows = await readTable<Record<string, unknown>>(serviceWorker, 'buyers');
  expect(JSON.stringify(rows)).not.toContain(orders[3]!.buyer.name);
  const opened = await sendOk<{ results: Record<string, { state: string; pii?: { name: string; addressLine1: string; city: string | null; countryCode: string | null } }> }>(
    options,
    'buyers/open',
    { orderSns: [orders[3]!, orders[4]!, orders[6]!].map((o) => o.parentOrderSn) },
  );
  for (const o of [orders[3]!, orders[4]!, orders[6]!]) {
    // The country code comes from the worker's packaged country names (read on the first address capture).
    const countryCode = COUNTRY_CODES[o.buyer.country];
    expect(countryCode).toMatch(/^[A-Z]{2}$/);
    expect(opened.results[o.parentOrderSn]).toMatchObject({ state: 'ok', pii: { name: o.buyer.name, addressLine1: o.buyer.line1, city: o.buyer.city, countryCode } });
  }
  // Audit: no PII, only order numbers and counts.
  const audit = JSON.stringify(await readTable(serviceWorker, 'audit'));
  for (const o of orders) expect(audit).not.toContain(o.buyer.name);
  expect((await auditActions(serviceWorker)).some((a) => a.action === 'capture.rejected')).toBe(false);
});

test('an address seen before its order creates a placeholder order row', async ({ context, serviceWorker, sellerCenter, openExtensionPage }) => {
  const options = await authorizeInOptions(openExtensionPage, sellerCenter.mallId);
  await sendOk(options, 'vault/setup', { passphrase: PASSPHRASE });
  const order = sellerCenter.orders[1]!;
  await newSellerCenterPage(context, sellerCenter.orderDetailUrl(order.parentOrderSn, 'rawData'));
  await expect.poll(() => capturedOrderSns(serviceWorker)).toEqual([order.parentOrderSn]);
  const [row] = await readTable<{ status: string; piiState: string }>(serviceWorker, 'orders');
  expect(row!.status).toBe('unknown');
  await expect.poll(async () => (await readTable(serviceWorker, 'buyers')).length).toBe(1);
});
