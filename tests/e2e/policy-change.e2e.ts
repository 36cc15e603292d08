import { browseOrderList, capturedOrderSns } from './capture-helpers';
import { fixtureOrders } from './export-helpers';
import { expect, test } from './harness';

/**
 * A policy version bump with the production build unchanged: the stored consent says the seller
 * accepted an older version (as an installed extension that just updated would hold), seeded
 * through the service worker like other tests seed state.
 */
test('policy version bump: announced with a summary per section, capture paused until accepted', async ({ context, serviceWorker, sellerCenter, openExtensionPage }) => {
  // The background trusts only its own copy of consent (utils/storage-trust, issue 16): the seed
  // goes there (the extension's IndexedDB), and into the storage.local mirror the page script reads.
  await serviceWorker.evaluate(async (shopId) => {
    const consent = { [shopId]: { shopId, displayName: 'Main shop', authorizedAt: Date.now() - 86_400_000, policyVersion: '1.0' } };
    await new Promise<void>((resolve, reject) => {
      const open = indexedDB.open('seller-vault-trusted', 1);
      open.onupgradeneeded = () => open.result.createObjectStore('copies');
      open.onerror = () => reject(open.error);
      open.onsuccess = () => {
        const tx = open.result.transaction('copies', 'readwrite');
        tx.objectStore('copies').put({ value: consent }, 'consent');
        tx.oncomplete = () => {
          open.result.close();
          resolve();
        };
        tx.onerror = () => reject(tx.error);
      };
    });
    await chrome.storage.local.set({ consent });
  }, sellerCenter.mallId);
  const popup = await openExtensionPage('popup.html');
  const notice = popup.getByTestId('policy-change');
  await expect(notice.getByRole('heading')).toHaveText(/^The privacy policy changed: version 1\.1 of /);
  await expect(notice.getByTestId('policy-change-summary').getByRole('listitem')).toHaveCount(3);
  await expect(notice.getByTestId('policy-change-summary')).toContainText('Cookies: Says exactly what relies on your login cookies');
  await expect(notice.getByTestId('policy-change-paused')).toHaveText('Capture is paused for Main shop until you accept the new version.');
  const options = await openExtensionPage('options.html');
  await expect(options.getByTestId('policy-change')).toBeVisible();

  // Paused: the seller center's list is not captured.
  sellerCenter.orders = fixtureOrders().slice(0, 2);
  const page = await context.newPage();
  await page.goto(sellerCenter.orderListUrl());
  await expect(page.getByTestId('fixture-status')).toHaveText('ok page 1');
  await page.waitForTimeout(1500);
  expect(await capturedOrderSns(serviceWorker)).toEqual([]);

  await notice.getByTestId('policy-accept').click();
  await expect(popup.getByTestId('policy-change')).toHaveCount(0);
  await expect(options.getByTestId('policy-change')).toHaveCount(0);
  const stored = await serviceWorker.evaluate(() => chrome.storage.local.get('consent'));
  expect(Object.values(stored.consent as Record<string, { policyVersion: string }>).map((c) => c.policyVersion)).toEqual(['1.1']);
  await browseOrderList(page, serviceWorker, sellerCenter);
});
