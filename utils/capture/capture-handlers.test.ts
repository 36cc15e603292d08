import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { addressResponse, DAY_MS, makeOrder, makeOrders, orderListResponse, rawDataFor } from '../../tests/fixtures/order-fixtures';
import { TEST_SCRYPT_COST } from '../crypto/key-wrap';
import { setupVault } from '../vault/vault-service';
import { GOOD_PASSPHRASE } from '../../tests/support/vault-test-support';
import { makeHandlerDeps, type HandlerTestDeps } from '../../tests/support/handler-test-deps';
import { consentStore } from '../consent/consent-adapter';
import type { AppDb } from '../db/app-db';
import { MessageError } from '../messaging/envelope';
import type { CapturePayload } from './capture-messages';
import { settingsStore } from '../settings/settings-adapter';
import { createConsentHandlers } from '../consent/consent-handlers';
import { createOrdersHandlers } from '../orders/orders-handlers';
import { createCaptureHandlers } from './capture-handlers';
import { POLICY_VERSION } from '../policy/policy-document';

const SHOP = '634418212';
const NOW = Date.UTC(2026, 10, 25, 9, 0, 0);
let db: AppDb;
let deps: HandlerTestDeps;
const content = { actor: 'content' as const, sender: { id: 'ext', url: 'https://agentseller.temu.com/mmsos/orders.html', tab: { id: 7 } } };
const options = { actor: 'options' as const, sender: { id: 'ext', url: 'chrome-extension://ext/options.html' } };

beforeEach(() => {
  deps = makeHandlerDeps(NOW);
  db = deps.db;
  vi.spyOn(console, 'warn').mockImplementation(() => undefined);
});

const payload = (kind: CapturePayload['kind'], body: unknown, over: Partial<CapturePayload> = {}): CapturePayload => ({
  kind,
  shopId: SHOP,
  pageUrl: 'https://agentseller.temu.com/mmsos/orders.html',
  utcOffsetMinutes: 0,
  json: typeof body === 'string' ? body : JSON.stringify(body),
  requestJson: null,
  orderSnHint: null,
  ...over,
});
const authorize = () => consentStore.grant({ shopId: SHOP, displayName: '', authorizedAt: NOW, policyVersion: POLICY_VERSION });
async function errorOf(p: Promise<unknown>): Promise<MessageError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof MessageError) return e;
    throw e;
  }
  throw new Error('expected MessageError');
}
const rejectedReasons = async () => (await db.audit.where('action').equals('capture.rejected').toArray()).map((a) => a.detail);

describe('capture/payload', () => {
  it('stores nothing for a shop that is not authorized, and audits the refusal', async () => {
    const h = createCaptureHandlers(deps);
    const err = await errorOf(h['capture/payload'](payload('orderList', orderListResponse(makeOrders(3))), content));
    expect(err.code).toBe('forbidden');
    expect(await db.orders.count()).toBe(0);
    expect(await rejectedReasons()).toEqual(['orderList:not-authorized']);
  });

  it('stores an authorized page and reports counts', async () => {
    await authorize();
    const h = createCaptureHandlers(deps);
    const orders = makeOrders(4, { now: NOW });
    const result = await h['capture/payload'](payload('orderList', orderListResponse(orders)), content);
    expect(result).toMatchObject({ orders: 4, addresses: 0 });
    expect(await db.orders.count()).toBe(4);
    expect(deps.notified).toBeGreaterThan(0);
  });

  it('stops when the seller refuses seller-center cookies', async () => {
    await authorize();
    await settingsStore.write({ allowSellerCenterCookies: false });
    const err = await errorOf(createCaptureHandlers(deps)['capture/payload'](payload('orderList', orderListResponse(makeOrders(1))), content));
    expect(err.code).toBe('forbidden');
    expect(await db.orders.count()).toBe(0);
  });

  it('rejects malformed, oversized and shop-less payloads without touching stored orders', async () => {
    await authorize();
    const h = createCaptureHandlers(deps);
    await h['capture/payload'](payload('orderList', orderListResponse(makeOrders(2, { now: NOW }))), content);
    const before = await db.orders.toArray();

    expect((await errorOf(h['capture/payload'](payload('orderList', '{"success":true,"result":'), content))).message).toMatch(/^malformed-json/);
    const huge = JSON.stringify({ success: true, result: { pageItems: [], pad: 'x'.repeat(5 * 1024 * 1024) } });
    expect((await errorOf(h['capture/payload'](payload('orderList', huge), content))).message).toMatch(/^too-large/);
    expect((await errorOf(h['capture/payload'](payload('orderList', orderListResponse(makeOrders(1)), { shopId: null }), content))).message).toMatch(/^no-shop/);
    const bad = orderListResponse(makeOrders(2, { now: NOW, startIndex: 10 }));
    (bad.result.pageItems[1]!.orderList[0] as Record<string, unknown>).quantity = { $gt: 1 };
    expect((await errorOf(h['capture/payload'](payload('orderList', bad), content))).code).toBe('invalid-request');

    expect(await db.orders.toArray()).toEqual(before);
    expect(await rejectedReasons()).toEqual(['orderList:malformed-json', 'orderList:too-large', 'orderList:no-shop', 'orderList:invalid-shape']);
  });

  it('hands API and rawData addresses to the vault, creating a placeholder order first', async () => {
    await authorize();
    const h = createCaptureHandlers(deps);
    const order = makeOrder({ index: 3, now: NOW });
    const result = await h['capture/payload'](payload('address', addressResponse(order)), content);
    // No vault set up here: buyer-store skips the address as no-vault; the order row is there.
    expect(result).toEqual({ orders: 1, items: 0, addresses: 0, skipped: [{ reason: 'no-vault', count: 1 }] });
    expect(await db.buyers.count()).toBe(0);
    expect(await db.orders.get(order.parentOrderSn)).toMatchObject({ status: 'unknown', shopId: SHOP });

    const other = makeOrder({ index: 4, now: NOW });
    const fromRaw = await h['capture/payload'](payload('orderDetail', rawDataFor(other), { orderSnHint: other.parentOrderSn }), content);
    expect(fromRaw.orders).toBe(1);
    expect(await db.orders.get(other.parentOrderSn)).toBeDefined();
  });

  it('dates the order from rawData package send times before storing: an address shipped 30+ days ago is never written', async () => {
    await authorize();
    await setupVault(deps, GOOD_PASSPHRASE, 'options', TEST_SCRYPT_COST);
    const h = createCaptureHandlers(deps);
    const tz = 480;
    const detail = (o: ReturnType<typeof makeOrder>) =>
      payload('orderDetail', rawDataFor(o, { utcOffsetMinutes: tz }), {
        utcOffsetMinutes: tz,
        orderSnHint: o.parentOrderSn,
        pageUrl: 'https://agentseller.temu.com/mmsos/order-detail.html',
      });

    // First seen on its detail page, shipped 31 days ago: placeholder carries the send time, address skipped.
    const old = makeOrder({ index: 6, status: 4, shippedAt: NOW - 31 * DAY_MS, now: NOW });
    expect(await h['capture/payload'](detail(old), content)).toEqual({ orders: 1, items: 0, addresses: 0, skipped: [{ reason: 'already-due', count: 1 }] });
    expect(await db.orders.get(old.parentOrderSn)).toMatchObject({ shippedAt: NOW - 31 * DAY_MS, piiState: 'none' });
    expect(await db.buyers.get(old.parentOrderSn)).toBeUndefined();

    // Shipped 3 days ago: stored, purge counted from the send time, not from now.
    const recent = makeOrder({ index: 7, status: 4, shippedAt: NOW - 3 * DAY_MS, now: NOW });
    expect(await h['capture/payload'](detail(recent), content)).toMatchObject({ addresses: 1, skipped: [] });
    expect((await db.buyers.get(recent.parentOrderSn))!.purgeAt).toBe(NOW - 3 * DAY_MS + 28 * DAY_MS);

    // Known from the list with a later ship time: the detail page's earlier send time wins, never a later one.
    const listed = makeOrder({ index: 8, status: 4, shippedAt: NOW - 2 * DAY_MS, now: NOW });
    await h['capture/payload'](payload('orderList', orderListResponse([listed], { utcOffsetMinutes: tz }), { utcOffsetMinutes: tz }), content);
    const earlier = { ...listed, shippedAt: NOW - 40 * DAY_MS };
    expect(await h['capture/payload'](detail(earlier), content)).toMatchObject({ orders: 0, addresses: 0, skipped: [{ reason: 'already-due', count: 1 }] });
    expect((await db.orders.get(listed.parentOrderSn))!.shippedAt).toBe(NOW - 40 * DAY_MS);
    await h['capture/payload'](detail({ ...listed, shippedAt: NOW - DAY_MS }), content);
    expect((await db.orders.get(listed.parentOrderSn))!.shippedAt).toBe(NOW - 40 * DAY_MS);
  });

  it('skips masked addresses (no placeholder, nothing sealed)', async () => {
    await authorize();
    const h = createCaptureHandlers(deps);
    const order = makeOrder({ index: 5, now: NOW });
    const result = await h['capture/payload'](payload('address', addressResponse(order, { masked: true })), content);
    expect(result).toMatchObject({ orders: 0, addresses: 0, skipped: [{ reason: 'masked', count: 1 }] });
    const raw = await h['capture/payload'](payload('orderDetail', rawDataFor(order, { masked: true }), { orderSnHint: order.parentOrderSn }), content);
    expect(raw.skipped).toEqual([{ reason: 'masked', count: 1 }]);
    expect(await db.orders.count()).toBe(0);
  });
});

describe('tab state', () => {
  it('tab-state: shop reported by the tab, only while the tab is on the seller center', async () => {
    const h = { ...createCaptureHandlers(deps), ...createConsentHandlers(deps) };
    const tab = await fakeBrowser.tabs.create({ url: 'https://agentseller.temu.com/mmsos/orders.html' });
    await h['consent/status']({ shopId: SHOP }, { ...content, sender: { ...content.sender, tab: { id: tab.id } } });
    expect(await h['capture/tab-state']({ tabId: tab.id! }, options)).toEqual({ onSellerCenter: true, shopId: SHOP, authorized: false });
    await h['consent/grant']({ shopId: SHOP, displayName: '' }, options);
    expect((await h['capture/tab-state']({ tabId: tab.id! }, options)).authorized).toBe(true);
    const other = await fakeBrowser.tabs.create({ url: 'https://example.com/' });
    expect(await h['capture/tab-state']({ tabId: other.id! }, options)).toEqual({ onSellerCenter: false, shopId: null, authorized: false });
    expect((await h['capture/tab-state']({ tabId: 99999 }, options)).onSellerCenter).toBe(false);
  });
});

describe('orders summary after capture', () => {
  it('orders/summary counts to-ship and shipped, per shop', async () => {
    await authorize();
    const h = { ...createCaptureHandlers(deps), ...createOrdersHandlers(deps) };
    // statuses cycle 2,2,4,5,1,3,41 → to ship: 2,2,41 = 3; shipped: 4,5 = 2
    await h['capture/payload'](payload('orderList', orderListResponse(makeOrders(7, { now: NOW }))), content);
    const all = await h['orders/summary']({ limit: 5 }, options);
    expect(all).toMatchObject({ total: 7, toShip: 3, shipped: 2 });
    expect(all.latest).toHaveLength(5);
    expect((await h['orders/summary']({ shopId: SHOP, limit: 20 }, options)).total).toBe(7);
    expect((await h['orders/summary']({ shopId: 'other', limit: 20 }, options)).total).toBe(0);
  });
});

describe('integrity of captures (issue 10)', () => {
  it('a capture tagged with shop B never changes an order of shop A', async () => {
    await authorize();
    await consentStore.grant({ shopId: 'B-shop', displayName: '', authorizedAt: NOW, policyVersion: POLICY_VERSION });
    const h = createCaptureHandlers(deps);
    const [order] = makeOrders(1, { now: NOW });
    await h['capture/payload'](payload('orderList', orderListResponse([order!])), content);
    const before = await db.orders.get(order!.parentOrderSn);
    const itemsBefore = await db.items.where('orderSn').equals(order!.parentOrderSn).count();
    const forged = { ...order!, status: 3 as const, items: [...order!.items, { ...order!.items[0]!, subOrderSn: '211-999999999', title: 'forged' }] };
    const result = await h['capture/payload'](payload('orderList', orderListResponse([forged]), { shopId: 'B-shop' }), content);
    expect(result.skipped).toEqual([{ reason: 'other-shop', count: 1 }]);
    expect(await db.orders.get(order!.parentOrderSn)).toEqual(before);
    expect(await db.items.where('orderSn').equals(order!.parentOrderSn).count()).toBe(itemsBefore);
  });

  it('page data (rawData) reporting a cancellation does not delete a stored address: it waits for the seller', async () => {
    await authorize();
    await setupVault(deps, GOOD_PASSPHRASE, 'options', TEST_SCRYPT_COST);
    const h = { ...createCaptureHandlers(deps), ...createOrdersHandlers(deps) };
    const order = makeOrder({ index: 7, status: 2, now: NOW });
    await h['capture/payload'](payload('address', addressResponse(order)), content);
    expect(await db.buyers.count()).toBe(1);
    const raw = rawDataFor(order) as { store: { parentOrderMap: Record<string, unknown> } };
    raw.store.parentOrderMap.parentOrderStatus = 3;
    const result = await h['capture/payload'](payload('orderDetail', raw, { orderSnHint: order.parentOrderSn }), content);
    expect(result.addresses).toBe(0);
    const held = await db.orders.get(order.parentOrderSn);
    expect(held).toMatchObject({ status: 'unknown', piiState: 'present', heldPageFact: { kind: 'cancelled' } });
    expect(held!.purgeAt).toBeGreaterThan(NOW);
    expect(await db.buyers.count()).toBe(1);
    // The seller confirms: the cancellation applies and the address is due at once.
    await h['orders/resolve-page-fact']({ orderSn: order.parentOrderSn, apply: true }, options);
    expect(await db.orders.get(order.parentOrderSn)).toMatchObject({ status: 'cancelled', purgeAt: NOW, heldPageFact: null });
  });

  it('the ship action starts the clock at the moment it succeeded; packages add tracking numbers to known orders only', async () => {
    await authorize();
    const h = createCaptureHandlers(deps);
    const [order] = makeOrders(1, { now: NOW });
    await h['capture/payload'](payload('orderList', orderListResponse([{ ...order!, status: 2, shippedAt: null }])), content);
    const request = {
      send_request_list: [
        { tracking_number: '1Z999AA10123456784', order_send_info_list: [{ parent_order_sn: order!.parentOrderSn }, { parent_order_sn: 'PO-211-0000000000000' }] },
      ],
    };
    await h['capture/payload'](payload('shipAction', { success: true, error_code: 1000000 }, { requestJson: JSON.stringify(request) }), content);
    expect(await db.orders.get(order!.parentOrderSn)).toMatchObject({ shippedAt: NOW, status: 'partially_shipped', packages: [{ trackingNumber: '1Z999AA10123456784' }] });
    expect(await db.orders.get('PO-211-0000000000000')).toBeUndefined();

    const packages = {
      success: true,
      result: {
        package_info_result_list: [
          { package_sn: 'PK-1', tracking_number: '1Z999AA10123456784', shipping_company_name: 'UPS', order_send_info_list: [{ parent_order_sn: order!.parentOrderSn }] },
        ],
      },
    };
    await h['capture/payload'](payload('packages', packages), content);
    expect((await db.orders.get(order!.parentOrderSn))!.packages).toEqual([{ packageSn: 'PK-1', trackingNumber: '1Z999AA10123456784', carrier: 'UPS' }]);
    // A failed ship action ships nothing.
    const other = makeOrder({ index: 12, status: 2, shippedAt: null, now: NOW });
    await h['capture/payload'](payload('orderList', orderListResponse([other])), content);
    const failed = { send_request_list: [{ order_send_info_list: [{ parent_order_sn: other.parentOrderSn }] }] };
    await expect(h['capture/payload'](payload('shipAction', { success: false, error_code: 20002 }, { requestJson: JSON.stringify(failed) }), content)).rejects.toThrow(/busy/);
    expect((await db.orders.get(other.parentOrderSn))!.shippedAt).toBeNull();
  });

  it('300 malformed captures write one audit entry per reason and window, and a flood is rate-limited per tab', async () => {
    await authorize();
    const h = createCaptureHandlers(deps);
    const results = await Promise.allSettled(Array.from({ length: 300 }, () => h['capture/payload'](payload('orderList', '{not json'), content)));
    expect(results.every((r) => r.status === 'rejected')).toBe(true);
    const entries = await db.audit.where('action').equals('capture.rejected').toArray();
    expect(entries.map((e) => e.detail).sort()).toEqual(['orderList:malformed-json', 'orderList:rate-limited']);
    // The page's own merged report adds one entry at most per window.
    await h['capture/rejected']({ kind: 'orderList', shopId: SHOP, reason: 'rate-limited', chars: 10, count: 500 }, content);
    expect(await db.audit.where('action').equals('capture.rejected').count()).toBe(2);
  });
});
