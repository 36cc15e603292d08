import type { BrowserContext, Page } from '@playwright/test';
import { browseOrderList, viewAddress } from './capture-helpers';
import { exportFromPopup, fixtureOrders, PASSPHRASE, pdfText, saveDownloadsTo, squash, waitForFile } from './export-helpers';
import { expect, test } from './harness';

/** The tab the fresh install opened by itself (runtime.onInstalled, reason 'install'). */
async function onboardingTab(context: BrowserContext): Promise<Page> {
  const find = () => context.pages().find((p) => p.url().includes('/onboarding.html'));
  await expect.poll(() => !!find(), { message: 'the install opened no onboarding tab', timeout: 15_000 }).toBe(true);
  const tab = find()!;
  await tab.waitForLoadState();
  return tab;
}

test('fresh install → onboarding → first label exported, in one flow (timed)', async ({ context, serviceWorker, sellerCenter, openExtensionPage, downloadsDir }) => {
  test.setTimeout(180_000);
  const startedAt = Date.now();
  const orders = fixtureOrders().slice(0, 3);
  sellerCenter.orders = orders;

  const onboarding = await onboardingTab(context);
  await expect(onboarding.getByTestId('onboarding')).toHaveAttribute('data-screen', 'welcome');
  await expect(onboarding.getByTestId('onboarding-does-not')).toContainText('Nothing leaves your browser');
  await onboarding.getByTestId('onboarding-next').click();

  // 1. Vault passphrase (the shared set-up form).
  await onboarding.getByLabel('Passphrase', { exact: true }).fill(PASSPHRASE);
  await onboarding.getByLabel('Confirm passphrase').fill(PASSPHRASE);
  await onboarding.getByRole('button', { name: 'Create vault' }).click();
  await expect(onboarding.getByTestId('onboarding-vault-ready')).toBeVisible({ timeout: 20_000 });
  await onboarding.getByTestId('onboarding-next').click();

  // 2. Ship-from address.
  await onboarding.getByLabel('Name').fill('Acme Goods');
  await onboarding.getByLabel('Address line 1').fill('1 Harbour Road');
  await onboarding.getByLabel('City').fill('Shenzhen');
  await onboarding.getByTestId('onboarding-save-address').click();
  await expect(onboarding.getByTestId('onboarding')).toHaveAttribute('data-screen', 'shop');

  // 3. First shop.
  await onboarding.getByTestId('auth-shop-id').fill(sellerCenter.mallId);
  await onboarding.getByTestId('auth-submit').click();
  await expect(onboarding.getByTestId('onboarding-shops')).toContainText(sellerCenter.mallId);
  await onboarding.getByTestId('onboarding-next').click();

  // 4. The seller center: the step links to the real hosts; the fixture answers on them.
  await expect(onboarding.getByTestId('onboarding-seller-link').first()).toHaveAttribute('href', /^https:\/\/agentseller\.temu\.com\//);
  const sellerPage = await context.newPage();
  await saveDownloadsTo(context, sellerPage, downloadsDir);
  await browseOrderList(sellerPage, serviceWorker, sellerCenter);
  for (const order of orders) await viewAddress(sellerPage, sellerCenter, order, 'api');

  // The popup: no checklist left (every step done), the vault still unlocked from set-up.
  const popup = await openExtensionPage('popup.html');
  await expect(popup.getByTestId('order-row')).toHaveCount(orders.length, { timeout: 20_000 });
  await expect(popup.getByTestId('setup-checklist')).toHaveCount(0);
  await popup.getByTestId('select-all').click();
  const tab = await exportFromPopup(context, popup, 'pdf-4x6');
  const file = await waitForFile(tab, downloadsDir);
  const elapsedMs = Date.now() - startedAt;
  const text = squash(pdfText(file));
  for (const order of orders) expect(text).toContain(squash(order.buyer.name));
  expect(text).toContain(squash('1 Harbour Road'));
  // Reported, not asserted (timings belong to the bench): machine load decides most of it.
  test.info().annotations.push({ type: 'install-to-first-label-ms', description: String(elapsedMs) });
  console.log(`[onboarding] fresh install → first label: ${(elapsedMs / 1000).toFixed(1)} s (test-driven, incl. the vault set-up's scrypt)`);
  await onboarding.getByRole('link', { name: /Open the seller center/ }).click();
  await onboarding.getByTestId('onboarding-next').click();
  await expect(onboarding.getByText('Every step is done.')).toBeVisible();
});

test('skipped onboarding steps come back as the popup checklist until done or hidden', async ({ context, openExtensionPage }) => {
  const onboarding = await onboardingTab(context);
  await onboarding.getByTestId('onboarding-next').click();
  for (const screen of ['vault', 'address', 'shop', 'sellerCenter']) {
    await expect(onboarding.getByTestId('onboarding')).toHaveAttribute('data-screen', screen);
    await expect(onboarding.getByTestId('onboarding-next')).toHaveText('Skip for now');
    await onboarding.getByTestId('onboarding-next').click();
  }
  await expect(onboarding.getByTestId('onboarding-open-steps').getByRole('listitem')).toHaveCount(4);

  const popup = await openExtensionPage('popup.html');
  const checklist = popup.getByTestId('setup-checklist');
  await expect(checklist.getByRole('listitem')).toHaveText(['Vault passphrase', 'Ship-from address', 'Authorize your shop', 'Open the seller center']);
  await expect(checklist.getByRole('link', { name: 'Ship-from address' })).toHaveAttribute('href', /\/onboarding\.html#address$/);

  // A step done elsewhere (options) leaves the list at once.
  const options = await openExtensionPage('options.html#vault');
  await options.getByLabel('Passphrase', { exact: true }).fill(PASSPHRASE);
  await options.getByLabel('Confirm passphrase').fill(PASSPHRASE);
  await options.getByRole('button', { name: 'Create vault' }).click();
  await expect(checklist.locator('[data-step="vault"]')).toHaveCount(0, { timeout: 20_000 });
  await expect(checklist.getByRole('listitem')).toHaveCount(3);

  await checklist.getByRole('button', { name: 'Hide' }).click();
  await expect(popup.getByTestId('setup-checklist')).toHaveCount(0);
  await popup.reload();
  await expect(popup.getByTestId('VaultPanel')).toBeVisible();
  await expect(popup.getByTestId('setup-checklist')).toHaveCount(0);
});
