import type { CDPSession, Page } from '@playwright/test';
import { POLICY_VERSION } from '../../utils/policy/policy-document';
import { makeOrder } from '../fixtures/order-fixtures';
import { auditActions, authorizeInOptions, capturedOrderSns, seenCapturePayloads, watchCapturePayloads } from './capture-helpers';
import { sendOk } from './extension-messages';
import { expect, test } from './harness';
import { PASSPHRASE } from './retention-helpers';

/**
 * Issue 16, item 5: consent cannot be forged from a content-script context. Content scripts may
 * write storage.local (Chromium offers no access level for it), so the test runs code in the
 * extension's own isolated world on the seller-center page (the world the seller-center script
 * runs in, reached through the DevTools protocol) and writes the `consent` and `settings` it
 * would like to see. The background decides on its trusted copies only, and puts the mirror back.
 */
async function inContentScriptWorld(page: Page, extensionId: string, expression: string): Promise<unknown> {
  const cdp: CDPSession = await page.context().newCDPSession(page);
  const contexts: { id: number; origin: string; auxData?: { type?: string } }[] = [];
  cdp.on('Runtime.executionContextCreated', ({ context }) => contexts.push(context));
  await cdp.send('Runtime.enable');
  const world = contexts.find((c) => c.auxData?.type === 'isolated' && c.origin === `chrome-extension://${extensionId}`);
  if (!world) throw new Error('the seller-center script’s isolated world was not found');
  const { result, exceptionDetails } = await cdp.send('Runtime.evaluate', { contextId: world.id, expression, awaitPromise: true, returnByValue: true });
  await cdp.detach();
  if (exceptionDetails) throw new Error(exceptionDetails.exception?.description ?? exceptionDetails.text);
  return result.value;
}

const mirrorOf = (page: Page, key: string) => page.evaluate(async (k) => (await chrome.storage.local.get(k))[k] ?? null, key);

test('a content script that writes consent or cookie use into storage.local changes nothing the background decides', async ({
  context,
  serviceWorker,
  sellerCenter,
  openExtensionPage,
  extensionId,
}) => {
  const options = await openExtensionPage('options.html');
  await sendOk(options, 'vault/setup', { passphrase: PASSPHRASE });
  sellerCenter.orders = Array.from({ length: 3 }, (_, index) => makeOrder({ index, status: 2 }));
  await watchCapturePayloads(serviceWorker);
  const page = await context.newPage();
  await page.goto(sellerCenter.orderListUrl());
  await expect(page.getByTestId('fixture-status')).toHaveText('ok page 1');

  // 1. Not authorized: the content script grants itself consent for the shop, then reloads so it acts on it.
  const forgedConsent = { [sellerCenter.mallId]: { shopId: sellerCenter.mallId, displayName: 'forged', authorizedAt: Date.now(), policyVersion: POLICY_VERSION } };
  expect(await inContentScriptWorld(page, extensionId, `chrome.storage.local.set({ consent: ${JSON.stringify(forgedConsent)} }).then(() => 'written')`)).toBe('written');
  await expect.poll(() => mirrorOf(options, 'consent'), { message: 'the mirror is put back (no shop authorized: none)' }).toBeNull();
  await expect.poll(async () => (await auditActions(serviceWorker)).filter((a) => a.action === 'security.mirror-restored').map((a) => a.detail)).toEqual(['consent']);
  // Forged again right before the page's own list request: the script may forward it, the background refuses it.
  await inContentScriptWorld(page, extensionId, `chrome.storage.local.set({ consent: ${JSON.stringify(forgedConsent)} })`);
  await page.reload();
  await expect(page.getByTestId('fixture-status')).toHaveText('ok page 1');
  await new Promise((r) => setTimeout(r, 1_500));
  expect(await capturedOrderSns(serviceWorker)).toEqual([]);
  expect((await sendOk<{ shopId: string }[]>(options, 'consent/list', {})).map((c) => c.shopId)).toEqual([]);

  // 2. Authorized, cookie use refused by the seller: the content script turns it back on.
  await (await authorizeInOptions(openExtensionPage, sellerCenter.mallId)).close();
  await sendOk(options, 'settings/update', { allowSellerCenterCookies: false });
  const before = (await seenCapturePayloads(serviceWorker)).length;
  await inContentScriptWorld(
    page,
    extensionId,
    `chrome.storage.local.get('settings').then(({ settings }) => chrome.storage.local.set({ settings: { ...settings, allowSellerCenterCookies: true } }))`,
  );
  await page.reload();
  await expect(page.getByTestId('fixture-status')).toHaveText('ok page 1');
  await new Promise((r) => setTimeout(r, 1_500));
  expect(await capturedOrderSns(serviceWorker)).toEqual([]);
  expect(await sendOk<{ allowSellerCenterCookies: boolean }>(options, 'settings/get', {})).toMatchObject({ allowSellerCenterCookies: false });
  await expect.poll(async () => ((await mirrorOf(options, 'settings')) as { allowSellerCenterCookies?: boolean } | null)?.allowSellerCenterCookies).toBe(false);
  expect((await seenCapturePayloads(serviceWorker)).length).toBeGreaterThanOrEqual(before);

  // 3. The seller allows cookies again: capture works, so the refusals above were the trusted copies at work.
  await sendOk(options, 'settings/update', { allowSellerCenterCookies: true });
  await page.reload();
  await expect.poll(() => capturedOrderSns(serviceWorker), { timeout: 20_000 }).toEqual(sellerCenter.orders.map((o) => o.parentOrderSn).sort());
});
