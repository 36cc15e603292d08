import { bannerOf } from './banner-helpers';
import { makeOrders } from '../fixtures/order-fixtures';
import { auditActions, authorizeInOptions, capturedOrderSns, newSellerCenterPage, readTable } from './capture-helpers';
import { expect, test } from './harness';

const TO_SHIP = new Set([2, 41]);
const SHIPPED = new Set([4, 5, 51]);

test('consent-gated capture: nothing before authorization, fetch and XHR pages after, nothing after revoke', async ({
  context,
  serviceWorker,
  sellerCenter,
  openExtensionPage,
}) => {
  const shop = sellerCenter.mallId;
  // 1. Not authorized: the page works, the banner offers authorization, nothing is stored.
  const page = await newSellerCenterPage(context, sellerCenter.orderListUrl());
  await expect(page.getByTestId('fixture-status')).toHaveText('ok page 1');
  // The banner sits in a closed shadow root: read and clicked through the DevTools protocol, as only the browser can.
  const banner = await bannerOf(page);
  await expect.poll(() => banner.text()).toContain(shop);
  expect(await banner.reachableFromPage()).toBe(false);
  // Shadow root: the page's aggressive CSS (red buttons, 30px green serif body) does not reach the banner.
  expect(await banner.style(['background-color'], 'Authorize this shop')).toEqual({ 'background-color': 'rgb(251, 119, 1)' });
  expect(await banner.style(['font-size', 'color'])).toEqual({ 'font-size': '13px', color: 'rgb(31, 35, 40)' });
  await page.waitForTimeout(500);
  expect(await capturedOrderSns(serviceWorker)).toEqual([]);
  expect(sellerCenter.requests.filter((r) => r.path === '/kirogi/bg/mms/recentOrderList').every((r) => r.mallId === shop)).toBe(true);

  // 2. Authorize through the banner → options page (pre-filled) → Authorize.
  const [options] = await Promise.all([context.waitForEvent('page'), banner.click('Authorize this shop')]);
  await expect(options).toHaveURL(new RegExp(`options\\.html#authorize\\?shop=${shop}$`));
  await expect(options.getByText('28 days after the order ships')).toBeVisible();
  await expect(options.getByTestId('auth-shop-id')).toHaveValue(shop);
  await options.getByTestId('auth-submit').click();
  await expect(options.locator(`[data-testid="authorized-shop"][data-shop-id="${shop}"]`)).toBeVisible();
  await expect.poll(() => banner.text()).toBeNull(); // consent watched live on the page

  // 3. Browse: fetch variant, two pages; then XHR variant with other orders, two pages.
  const fetchOrders = sellerCenter.orders.slice(0, 8);
  await page.reload();
  await expect(page.getByTestId('fixture-status')).toHaveText('ok page 1');
  await page.getByTestId('fixture-next-page').click();
  await expect(page.getByTestId('fixture-status')).toHaveText('ok page 2');
  await expect.poll(() => capturedOrderSns(serviceWorker)).toEqual(fetchOrders.map((o) => o.parentOrderSn).sort());

  const xhrOrders = makeOrders(8, { startIndex: 8 });
  sellerCenter.orders = xhrOrders;
  await page.goto(sellerCenter.orderListUrl({ transport: 'xhr' }));
  await expect(page.getByTestId('fixture-status')).toHaveText('ok page 1');
  await page.getByTestId('fixture-next-page').click();
  await expect(page.getByTestId('fixture-status')).toHaveText('ok page 2');
  const all = [...fetchOrders, ...xhrOrders];
  await expect.poll(() => capturedOrderSns(serviceWorker)).toEqual(all.map((o) => o.parentOrderSn).sort());
  const items = await readTable(serviceWorker, 'items');
  expect(items).toHaveLength(all.reduce((n, o) => n + o.items.length, 0));

  // 4. The popup shows this tab's state and the counts.
  // Opened as a tab, the popup describes the web tab used last before it (the seller center).
  const popup = await openExtensionPage('popup.html');
  await expect(popup.getByTestId('capture-state')).toHaveAttribute('data-state', 'authorized');
  await expect(popup.getByTestId('count-total')).toHaveText(String(all.length));
  await expect(popup.getByTestId('count-to-ship')).toHaveText(String(all.filter((o) => TO_SHIP.has(o.status)).length));
  await expect(popup.getByTestId('count-shipped')).toHaveText(String(all.filter((o) => SHIPPED.has(o.status)).length));

  // 5. Revoke → further browsing stores nothing; the banner is back.
  await options.locator(`[data-testid="authorized-shop"][data-shop-id="${shop}"]`).getByRole('button', { name: 'Revoke' }).click();
  await expect(options.getByTestId('auth-none')).toBeVisible();
  await expect(popup.getByTestId('capture-state')).toHaveAttribute('data-state', 'not-authorized');
  sellerCenter.orders = makeOrders(4, { startIndex: 100 });
  await page.goto(sellerCenter.orderListUrl());
  await expect(page.getByTestId('fixture-status')).toHaveText('ok page 1');
  await expect.poll(() => banner.text()).toContain(shop);
  await page.waitForTimeout(1000);
  expect(await capturedOrderSns(serviceWorker)).toEqual(all.map((o) => o.parentOrderSn).sort());
  await expect(popup.getByTestId('count-total')).toHaveText(String(all.length));

  const actions = (await auditActions(serviceWorker)).map((a) => a.action);
  expect(actions.filter((a) => a === 'consent.grant')).toHaveLength(1);
  expect(actions.filter((a) => a === 'consent.revoke')).toHaveLength(1);
  expect(actions.filter((a) => a === 'capture.orders')).toHaveLength(4);
});

test('hostile, malformed, oversized and expired-login answers are refused; the page keeps working', async ({ context, serviceWorker, sellerCenter, openExtensionPage }) => {
  await authorizeInOptions(openExtensionPage, sellerCenter.mallId);
  const page = await newSellerCenterPage(context, 'about:blank');
  const expectations: [typeof sellerCenter.listMode, RegExp, string][] = [
    ['expired', /^error: Login expired/, 'orderList:login-expired'],
    ['malformed', /^error: bad response/, 'orderList:malformed-json'],
    ['hostile', /^ok page 1/, 'orderList:invalid-shape'],
    ['tooMany', /^ok page 1/, 'orderList:too-many-orders'],
    ['huge', /^ok page 1/, 'orderList:too-large'],
  ];
  for (const [mode, status, rejected] of expectations) {
    sellerCenter.listMode = mode;
    await page.goto(sellerCenter.orderListUrl());
    await expect(page.getByTestId('fixture-status')).toHaveText(status);
    await expect(page.getByTestId('beast-core-table')).toBeVisible();
    if (mode === 'hostile' || mode === 'tooMany') await expect(page.getByTestId('fixture-order-row').first()).toBeVisible();
    await expect.poll(async () => (await auditActions(serviceWorker)).filter((a) => a.action === 'capture.rejected').map((a) => a.detail)).toContain(rejected);
    expect(await capturedOrderSns(serviceWorker)).toEqual([]);
  }
  // Markup in the answer stayed text; no prototype was polluted in the page.
  expect(await page.title()).not.toBe('pwned');
  expect(await page.evaluate(() => (({}) as Record<string, unknown>).polluted)).toBeUndefined();

  // After all that, a normal answer is captured.
  sellerCenter.listMode = 'ok';
  await page.goto(sellerCenter.orderListUrl());
  await expect(page.getByTestId('fixture-status')).toHaveText('ok page 1');
  await expect
    .poll(() => capturedOrderSns(serviceWorker))
    .toEqual(
      sellerCenter
        .page(1)
        .map((o) => o.parentOrderSn)
        .sort(),
    );
});

test('seller refuses cookie use: capture stops and no banner is shown', async ({ context, serviceWorker, sellerCenter, openExtensionPage }) => {
  const options = await authorizeInOptions(openExtensionPage, sellerCenter.mallId);
  await options.evaluate(() => chrome.runtime.sendMessage({ tag: 'seller-vault/v1', type: 'settings/update', data: { allowSellerCenterCookies: false } }));
  const page = await newSellerCenterPage(context, sellerCenter.orderListUrl());
  await expect(page.getByTestId('fixture-status')).toHaveText('ok page 1');
  await page.waitForTimeout(1000);
  expect(await capturedOrderSns(serviceWorker)).toEqual([]);
  expect(await (await bannerOf(page)).text()).toBeNull();
});
