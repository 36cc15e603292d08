import { capturedOrderSns, captureThroughSellerCenter, browseOrderList } from './capture-helpers';
import { fixtureOrders, PASSPHRASE } from './export-helpers';
import { send, sendOk } from './extension-messages';
import { expect, test } from './harness';

// The switches are controlled by the background's stored settings: a click is followed by a wait
// for the state the background reports (Playwright's check() would judge before the round trip).

type Opened = { results: Record<string, { state: string; pii?: { email: string | null; name: string } }> };

test('turning e-mail capture off removes stored e-mails at once and stops new ones', async ({ context, serviceWorker, sellerCenter, openExtensionPage }) => {
  test.setTimeout(150_000);
  const [first, second, third] = fixtureOrders();
  const options = await openExtensionPage('options.html#policy');
  await sendOk(options, 'vault/setup', { passphrase: PASSPHRASE });
  const fields = options.getByTestId('captured-fields');
  // Off by default (data minimization); the seller turns it on.
  await expect(fields.getByLabel('Buyer e-mail (not needed for labels)')).not.toBeChecked();
  await fields.getByLabel('Buyer e-mail (not needed for labels)').click();
  await expect(fields.getByLabel('Buyer e-mail (not needed for labels)')).toBeChecked();

  await captureThroughSellerCenter({ context, serviceWorker, sellerCenter, openExtensionPage }, [first!, second!]);
  const sns = [first!.parentOrderSn, second!.parentOrderSn];
  await expect
    .poll(async () => Object.values((await sendOk<Opened>(options, 'buyers/open', { orderSns: sns })).results).map((r) => r.pii?.email ?? null))
    .toEqual([first!.buyer.mail, second!.buyer.mail]);

  await fields.getByLabel('Buyer e-mail (not needed for labels)').click();
  await expect(options.getByTestId('fields-removed')).toHaveText('Removed from 2 stored records.');
  const opened = await sendOk<Opened>(options, 'buyers/open', { orderSns: sns });
  expect(Object.values(opened.results).map((r) => [r.pii?.name, r.pii?.email])).toEqual([
    [first!.buyer.name, null],
    [second!.buyer.name, null],
  ]);

  // A new capture stores no e-mail either.
  sellerCenter.orders = [first!, second!, third!];
  await captureThroughSellerCenter({ context, serviceWorker, sellerCenter, openExtensionPage }, [third!]);
  await expect
    .poll(async () => (await sendOk<Opened>(options, 'buyers/open', { orderSns: [third!.parentOrderSn] })).results[third!.parentOrderSn]?.pii?.name)
    .toBe(third!.buyer.name);
  expect((await sendOk<Opened>(options, 'buyers/open', { orderSns: [third!.parentOrderSn] })).results[third!.parentOrderSn]?.pii?.email).toBeNull();

  // The audit says what changed, never a value; a plain settings write cannot bypass the re-seal.
  const audit = await sendOk<{ entries: { action: string; detail: string | null; counts: Record<string, number> }[] }>(options, 'audit/list', { limit: 200 });
  expect(audit.entries.find((e) => e.action === 'buyers.minimize')).toMatchObject({ detail: 'email', counts: { resealed: 2 } });
  expect(JSON.stringify(audit)).not.toContain(first!.buyer.mail);
  expect(await send(options, 'settings/update', { captureBuyerEmail: true })).toMatchObject({ ok: false });
});

test('cookies refused: capture stops, the popup says why, the policy page says what relies on cookies', async ({ context, serviceWorker, sellerCenter, openExtensionPage }) => {
  const options = await openExtensionPage('options.html#policy');
  const cookies = options.getByTestId('cookie-settings');
  await expect(cookies).toContainText('Bulk address fetch');
  await expect(options.getByTestId('cookie-values-statement')).toContainText('never reads, stores or sends a cookie value');
  await cookies.locator('input[name="allowSellerCenterCookies"]').click();
  await expect(cookies.locator('input[name="allowSellerCenterCookies"]')).not.toBeChecked();

  const popup = await openExtensionPage('popup.html');
  await expect(popup.getByTestId('capture-off-cookies')).toContainText('you refused the use of your seller-center login cookies');

  await sendOk(options, 'consent/grant', { shopId: sellerCenter.mallId, displayName: '' });
  sellerCenter.orders = fixtureOrders().slice(0, 2);
  const page = await context.newPage();
  await page.goto(sellerCenter.orderListUrl());
  await expect(page.getByTestId('fixture-status')).toHaveText('ok page 1');
  await page.waitForTimeout(1500);
  expect(await capturedOrderSns(serviceWorker)).toEqual([]);

  // Accepted again: the same page is captured.
  await cookies.locator('input[name="allowSellerCenterCookies"]').click();
  await expect(cookies.locator('input[name="allowSellerCenterCookies"]')).toBeChecked();
  await expect(popup.getByTestId('capture-off-cookies')).toHaveCount(0);
  await browseOrderList(page, serviceWorker, sellerCenter);
});
