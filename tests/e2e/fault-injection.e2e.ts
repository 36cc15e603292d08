import type { Page } from '@playwright/test';
import { addressResponse, makeOrders, orderListResponse } from '../fixtures/order-fixtures';
import { send, sendOk } from './extension-messages';
import { stopWorker } from './fault-helpers';
import { expect, test } from './harness';
import { PASSPHRASE } from './retention-helpers';

/**
 * Issue 16, fault injection in real Chromium: the service worker stopped (DevTools protocol
 * `ServiceWorker.stopWorker`, what Chromium does to an idle or misbehaving worker) in the middle
 * of a large capture, the extension reloaded while locked and unlocked, and two tabs capturing the
 * same orders at once. After each: no half-written rows, and the next wake carries on.
 */
const SHOP = '634418212345';
const base = { shopId: SHOP, pageUrl: 'https://agentseller.temu.com/mmsos/orders.html', utcOffsetMinutes: 0, orderSnHint: null };

/** Every buyers row belongs to an order that says it holds PII, and the other way round. */
async function consistency(page: Page) {
  const stored = await page.evaluate(
    () =>
      new Promise<{ orders: { orderSn: string; piiState: string }[]; buyers: string[] }>((resolve, reject) => {
        const open = indexedDB.open('seller-vault');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const tx = open.result.transaction(['orders', 'buyers'], 'readonly');
          const orders = tx.objectStore('orders').getAll();
          const buyers = tx.objectStore('buyers').getAllKeys();
          tx.oncomplete = () => {
            resolve({ orders: orders.result.map((o: { orderSn: string; piiState: string }) => ({ orderSn: o.orderSn, piiState: o.piiState })), buyers: buyers.result as string[] });
            open.result.close();
          };
        };
      }),
  );
  const withPii = stored.orders
    .filter((o) => o.piiState === 'present')
    .map((o) => o.orderSn)
    .sort();
  return { withPii, buyers: [...stored.buyers].sort(), orders: stored.orders.length };
}

test('worker stopped in the middle of a large capture: no half-written rows; the capture sent again completes', async ({ context, extensionId, openExtensionPage }) => {
  test.setTimeout(180_000);
  const options = await openExtensionPage('options.html#policy');
  await sendOk(options, 'vault/setup', { passphrase: PASSPHRASE });
  await sendOk(options, 'consent/grant', { shopId: SHOP, displayName: 'fault shop' });
  const orders = makeOrders(300, { status: 2 });
  await sendOk(options, 'capture/payload', { ...base, kind: 'orderList', json: JSON.stringify(orderListResponse(orders)) });
  // 300 address captures in flight from another page, then the worker is stopped under them.
  const sender = await openExtensionPage('options.html#policy');
  const payloads = orders.map((o) => ({ ...base, kind: 'address', orderSnHint: o.parentOrderSn, json: JSON.stringify(addressResponse(o)) }));
  const inFlight = sender.evaluate(
    (all) => Promise.allSettled(all.map((data) => chrome.runtime.sendMessage({ tag: 'seller-vault/v1', type: 'capture/payload', data }))).then((r) => r.length),
    payloads,
  );
  await new Promise((r) => setTimeout(r, 300));
  await stopWorker(context, options, extensionId);
  await inFlight.catch(() => undefined);
  const cut = await consistency(options);
  expect(cut.buyers).toEqual(cut.withPii);
  expect(cut.orders).toBe(300);

  // Next wake: the page sends what was refused or lost again (the background allows 120 captures per 10 s per tab).
  for (let start = 0; start < payloads.length; start += 100) {
    const page = await openExtensionPage('options.html#policy');
    const replies = await page.evaluate(
      (all) => Promise.all(all.map((data) => chrome.runtime.sendMessage({ tag: 'seller-vault/v1', type: 'capture/payload', data }) as Promise<{ ok: boolean }>)),
      payloads.slice(start, start + 100),
    );
    expect(replies.filter((r) => !r.ok)).toEqual([]);
    await page.close();
  }
  const after = await consistency(options);
  expect(after.buyers).toHaveLength(300);
  expect(after.buyers).toEqual(after.withPii);
  // Every stored address opens (no row without its shred key).
  const opened = await sendOk<{ results: Record<string, { state: string }> }>(options, 'buyers/open', { orderSns: orders.slice(0, 200).map((o) => o.parentOrderSn) });
  expect(Object.values(opened.results).filter((r) => r.state !== 'ok')).toEqual([]);
});

// chrome.runtime.reload() of an extension loaded with --load-extension leaves it unloaded in headless
// Chromium 156 (measured: its pages answer ERR_BLOCKED_BY_CLIENT afterwards), so a reload is tested
// as what the background lives through: its worker stopped and started again. A browser restart
// (storage.session cleared: locked) is covered in vault.e2e.ts.
test('worker restarted while unlocked and while locked: the vault state is kept, nothing is lost', async ({ context, extensionId, openExtensionPage }) => {
  test.setTimeout(120_000);
  const options = await openExtensionPage('options.html#policy');
  await sendOk(options, 'vault/setup', { passphrase: PASSPHRASE });
  await sendOk(options, 'consent/grant', { shopId: SHOP, displayName: 'fault shop' });
  const orders = makeOrders(5, { status: 2 });
  await sendOk(options, 'capture/payload', { ...base, kind: 'orderList', json: JSON.stringify(orderListResponse(orders)) });
  for (const o of orders) await sendOk(options, 'capture/payload', { ...base, kind: 'address', orderSnHint: o.parentOrderSn, json: JSON.stringify(addressResponse(o)) });
  const sns = orders.map((o) => o.parentOrderSn);

  await stopWorker(context, options, extensionId);
  expect(await sendOk<{ state: string }>(options, 'vault/status', {})).toMatchObject({ state: 'unlocked' });
  const opened = await sendOk<{ results: Record<string, { state: string }> }>(options, 'buyers/open', { orderSns: sns });
  expect(Object.values(opened.results).map((r) => r.state)).toEqual(Array(5).fill('ok'));

  await sendOk(options, 'vault/lock', {});
  await stopWorker(context, options, extensionId);
  expect(await sendOk<{ state: string }>(options, 'vault/status', {})).toMatchObject({ state: 'locked' });
  expect((await send(options, 'buyers/open', { orderSns: sns })).error?.code).toBe('locked');
  await sendOk(options, 'vault/unlock', { passphrase: PASSPHRASE });
  const again = await sendOk<{ results: Record<string, { state: string }> }>(options, 'buyers/open', { orderSns: sns });
  expect(Object.values(again.results).map((r) => r.state)).toEqual(Array(5).fill('ok'));
});

test('two tabs capturing the same orders at once store each order once', async ({ openExtensionPage }) => {
  test.setTimeout(120_000);
  const options = await openExtensionPage('options.html#policy');
  await sendOk(options, 'vault/setup', { passphrase: PASSPHRASE });
  await sendOk(options, 'consent/grant', { shopId: SHOP, displayName: 'fault shop' });
  const orders = makeOrders(40, { status: 2 });
  const list = { ...base, kind: 'orderList', json: JSON.stringify(orderListResponse(orders)) };
  const addresses = orders.map((o) => ({ ...base, kind: 'address', orderSnHint: o.parentOrderSn, json: JSON.stringify(addressResponse(o)) }));
  const [a, b] = await Promise.all([openExtensionPage('options.html#policy'), openExtensionPage('options.html#policy')]);
  const both = await Promise.all(
    [a, b].map((tab) =>
      tab.evaluate(
        async ([listPayload, all]) => {
          const send = (data: unknown) => chrome.runtime.sendMessage({ tag: 'seller-vault/v1', type: 'capture/payload', data }) as Promise<{ ok: boolean }>;
          const first = await send(listPayload);
          return [first, ...(await Promise.all(all.map(send)))].filter((r) => !r.ok).length;
        },
        [list, addresses] as const,
      ),
    ),
  );
  expect(both).toEqual([0, 0]);
  const state = await consistency(options);
  expect(state.orders).toBe(40);
  expect(state.buyers).toHaveLength(40);
  expect(state.buyers).toEqual(state.withPii);
});
