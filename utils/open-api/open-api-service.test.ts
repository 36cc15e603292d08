import { beforeEach, describe, expect, it, vi } from 'vitest';
import { makeOrders, orderListResponse } from '../../tests/fixtures/order-fixtures';
import { makeOpenApiDeps, type OpenApiTestDeps } from '../../tests/support/open-api-test-deps';
import { GOOD_PASSPHRASE } from '../../tests/support/vault-test-support';
import { createCaptureHandlers } from '../capture/capture-handlers';
import { consentStore } from '../consent/consent-adapter';
import { TEST_SCRYPT_COST } from '../crypto/key-wrap';
import { readMeta } from '../meta-store';
import { POLICY_VERSION } from '../policy/policy-document';
import { settingsStore } from '../settings/settings-adapter';
import { openBuyers } from '../vault/buyer-store';
import { lockVault, resetVault, setupVault } from '../vault/vault-service';
import { checkOpenApiToken, connectOpenApi, disconnectOpenApi, getOpenApiStatus, syncOpenApi } from './open-api-service';

const NOW = Date.UTC(2026, 11, 2, 9, 0, 0);
const SHOP = '634418200000001';
let deps: OpenApiTestDeps;

const input = () => ({ region: 'us' as const, appKey: deps.fixture.appKey, appSecret: deps.fixture.appSecret, accessToken: deps.fixture.accessToken });
const authorize = () => consentStore.grant({ shopId: SHOP, displayName: '', authorizedAt: NOW, policyVersion: POLICY_VERSION });

async function connected(orders = makeOrders(12, { status: 2, now: NOW })) {
  deps.fixture.orders = orders;
  deps.granted.add('us');
  await setupVault(deps, GOOD_PASSPHRASE, 'options', TEST_SCRYPT_COST);
  await authorize();
  const reply = await connectOpenApi(deps, input(), 'options');
  expect(reply.ok).toBe(true);
}

beforeEach(() => {
  deps = makeOpenApiDeps(NOW, { mallId: SHOP });
  vi.spyOn(console, 'warn').mockImplementation(() => undefined);
});

describe('connect, test, disconnect', () => {
  it('test connection reads the token shop and permissions; without host access nothing is sent', async () => {
    expect(await checkOpenApiToken(deps, input())).toEqual({ ok: false, problem: { kind: 'no-host-access', detail: '' } });
    expect(deps.fixture.requests).toHaveLength(0);
    deps.granted.add('us');
    const reply = await checkOpenApiToken(deps, input());
    expect(reply).toMatchObject({ ok: true, token: { shopId: SHOP, missingScopes: [], shopAuthorized: false } });
    expect(deps.fixture.requests.map((r) => r.signOk)).toEqual([true]);
  });

  it('connect needs the vault unlocked, seals the credentials, keeps only their tails readable and starts the alarm', async () => {
    deps.granted.add('us');
    await setupVault(deps, GOOD_PASSPHRASE, 'options', TEST_SCRYPT_COST);
    await lockVault(deps, 'options', 'lock');
    await expect(connectOpenApi(deps, input(), 'options')).rejects.toMatchObject({ code: 'locked' });

    await setupVault(deps, GOOD_PASSPHRASE, 'options', TEST_SCRYPT_COST).catch(() => undefined);
    const fresh = makeOpenApiDeps(NOW, { mallId: SHOP });
    deps = fresh;
    deps.granted.add('us');
    await setupVault(deps, GOOD_PASSPHRASE, 'options', TEST_SCRYPT_COST);
    expect((await connectOpenApi(deps, input(), 'options')).ok).toBe(true);
    const row = await readMeta(deps.db, 'openApi.connection');
    const stored = JSON.stringify(row, (_k, v) => (v instanceof Uint8Array ? Buffer.from(v).toString('latin1') : v));
    for (const secret of [deps.fixture.appSecret, deps.fixture.accessToken, deps.fixture.appKey]) expect(stored).not.toContain(secret);
    const status = await getOpenApiStatus(deps);
    expect(status).toMatchObject({
      connected: true,
      region: 'us',
      shopId: SHOP,
      hostAccess: true,
      shopAuthorized: false,
      masked: { appSecret: `••••${deps.fixture.appSecret.slice(-4)}` },
    });
    expect(deps.alarms).toEqual([15]);
  });

  it('refuses a token that may not call the sync APIs, naming them', async () => {
    deps.fixture.scopes = ['bg.open.accesstoken.info.get', 'bg.order.list.v2.get'];
    deps.granted.add('us');
    await setupVault(deps, GOOD_PASSPHRASE, 'options', TEST_SCRYPT_COST);
    const reply = await connectOpenApi(deps, input(), 'options');
    expect(reply).toEqual({ ok: false, problem: { kind: 'missing-scopes', detail: 'bg.order.shippinginfo.v2.get, bg.order.decryptshippinginfo.get' } });
    expect(await readMeta(deps.db, 'openApi.connection')).toBeUndefined();
  });

  it('disconnect removes the credentials, the report, the alarm and the host permission', async () => {
    await connected();
    await syncOpenApi(deps, 'popup', 'manual');
    await disconnectOpenApi(deps, 'options');
    expect(await readMeta(deps.db, 'openApi.connection')).toBeUndefined();
    expect(await readMeta(deps.db, 'openApi.lastSync')).toBeUndefined();
    expect(deps.granted.size).toBe(0);
    expect(deps.alarms.at(-1)).toBeNull();
    expect(await getOpenApiStatus(deps)).toEqual({ connected: false });
    const actions = (await deps.db.audit.toArray()).map((a) => a.action);
    expect(actions).toContain('open-api.connect');
    expect(actions).toContain('open-api.disconnect');
  });
});

describe('sync', () => {
  it('stores every to-ship order and its address (decrypting masked answers) through the capture path', async () => {
    await connected(makeOrders(230, { status: 2, now: NOW }));
    deps.fixture.maskEvery = 3;
    const report = (await syncOpenApi(deps, 'popup', 'manual'))!;
    expect(report).toMatchObject({ problem: null, toShip: 230, addresses: 230, decrypted: 77, stillMasked: 0, failedOrders: 0 });
    expect(await deps.db.orders.count()).toBe(230);
    expect(await deps.db.buyers.count()).toBe(230);
    expect(deps.fixture.requests.every((r) => r.signOk)).toBe(true);
    // 3 list pages + 230 address calls + 77 decrypt calls + the token check at connect.
    expect(deps.fixture.requests).toHaveLength(1 + 3 + 230 + 77);
    const sn = deps.fixture.orders[3]!.parentOrderSn;
    const opened = await openBuyers(deps, [sn], 'popup');
    expect(opened.results[sn]).toMatchObject({ state: 'ok', pii: { name: deps.fixture.orders[3]!.buyer.name, addressLine1: deps.fixture.orders[3]!.buyer.line1 } });
    const buyer = await deps.db.buyers.get(sn);
    expect(buyer?.source).toBe('openApi');
    // Same audit entries as page capture, plus one per sync with counts only.
    const audit = await deps.db.audit.toArray();
    expect(audit.filter((a) => a.action === 'capture.orders' && a.detail === 'openApi.orderList')).toHaveLength(3);
    expect(audit.filter((a) => a.action === 'capture.addresses')).toHaveLength(3);
    const syncEntry = audit.find((a) => a.action === 'open-api.sync')!;
    expect(syncEntry.counts).toMatchObject({ toShip: 230, addresses: 230 });
    expect(JSON.stringify(syncEntry)).not.toContain(deps.fixture.orders[0]!.buyer.name);
    expect(await readMeta(deps.db, 'openApi.lastSync')).toMatchObject({ toShip: 230, addresses: 230 });
  });

  it('a second sync asks no address again', async () => {
    await connected();
    await syncOpenApi(deps, 'popup', 'manual');
    const before = deps.fixture.requests.length;
    const report = (await syncOpenApi(deps, 'popup', 'manual'))!;
    expect(report).toMatchObject({ problem: null, addresses: 0, alreadyHeld: 12 });
    expect(deps.fixture.requests.slice(before).map((r) => r.type)).toEqual(['bg.order.list.v2.get', 'bg.order.list.v2.get']);
  });

  it('an address the decrypt call still masks is never stored', async () => {
    await connected(makeOrders(4, { status: 2, now: NOW }));
    deps.fixture.maskEvery = 1;
    deps.fixture.scopes = [...deps.fixture.scopes];
    const original = deps.fixture.answer.bind(deps.fixture);
    deps.fixture.answer = (body) => {
      const a = original(body);
      if (JSON.parse(body).type === 'bg.order.decryptshippinginfo.get') (a.json as { result: { addressLine1: string } }).result.addressLine1 = '1** E***';
      return a;
    };
    const report = (await syncOpenApi(deps, 'popup', 'manual'))!;
    expect(report).toMatchObject({ addresses: 0, stillMasked: 4 });
    expect(await deps.db.buyers.count()).toBe(0);
  });

  it('stops at the consent gate when the token shop is not authorized: nothing is asked, nothing stored', async () => {
    await connected();
    await consentStore.revoke(SHOP);
    const before = deps.fixture.requests.length;
    const report = (await syncOpenApi(deps, 'popup', 'manual'))!;
    expect(report.problem).toEqual({ kind: 'shop-not-authorized', detail: SHOP });
    expect(deps.fixture.requests).toHaveLength(before);
    expect(await deps.db.orders.count()).toBe(0);
  });

  it('a token that expires half-way stops the sync with token-expired and keeps everything fetched before', async () => {
    await connected(makeOrders(150, { status: 2, now: NOW }));
    // Page 1, its 100 addresses, page 2 and 10 of its addresses succeed; the 11th is refused.
    deps.fixture.expireAfterRequests = 1 + 100 + 1 + 10;
    const report = (await syncOpenApi(deps, 'popup', 'manual'))!;
    expect(report.problem?.kind).toBe('token-expired');
    expect(report.addresses).toBe(110);
    expect(await deps.db.buyers.count()).toBe(110);
    expect(await deps.db.orders.count()).toBe(150);
    expect(deps.fixture.requests.at(-1)!.answeredCode).toBe(3000034);
  });

  it('the alarm does nothing while locked; a manual sync answers locked', async () => {
    await connected();
    await lockVault(deps, 'popup', 'lock');
    const before = deps.fixture.requests.length;
    expect(await syncOpenApi(deps, 'background', 'alarm')).toBeNull();
    await expect(syncOpenApi(deps, 'popup', 'manual')).rejects.toMatchObject({ code: 'locked' });
    expect(deps.fixture.requests).toHaveLength(before);
  });

  it('after a vault reset the sealed credentials cannot open: the sync says so and sends nothing', async () => {
    await connected();
    await resetVault(deps, 'options');
    await setupVault(deps, GOOD_PASSPHRASE, 'options', TEST_SCRYPT_COST);
    const before = deps.fixture.requests.length;
    const report = (await syncOpenApi(deps, 'popup', 'manual'))!;
    expect(report.problem?.kind).toBe('credentials-unreadable');
    expect(deps.fixture.requests).toHaveLength(before);
  });

  it('a later sync brings the shipping time of an order shipped since (facts only, no new orders)', async () => {
    await connected(makeOrders(3, { status: 2, now: NOW }));
    await syncOpenApi(deps, 'popup', 'manual');
    deps.clock.now += 5 * 60_000;
    const shipped = deps.fixture.orders[0]!;
    shipped.status = 4;
    shipped.shippedAt = deps.clock.now - 60_000;
    deps.fixture.orders.push(...makeOrders(1, { status: 4, now: NOW, startIndex: 50, shippedAt: deps.clock.now - 30_000 }));
    const report = (await syncOpenApi(deps, 'popup', 'manual'))!;
    expect(report).toMatchObject({ problem: null, toShip: 2, updated: 1 });
    const row = await deps.db.orders.get(shipped.parentOrderSn);
    expect(row).toMatchObject({ status: 'shipped', shippedAt: Math.floor(shipped.shippedAt / 1000) * 1000 });
    // purgeAt is recomputed from the shipment (28 days, the default) and only ever moves earlier:
    // here the capture-time deadline, 4 minutes before the shipment's, stays.
    expect(row!.purgeAt).toBe(Math.min(NOW, Math.floor(shipped.shippedAt / 1000) * 1000) + 28 * 86_400_000);
    expect(row!.shippedAtSource).toBe('captured');
    expect(await deps.db.orders.count()).toBe(3);
  });
});

describe('page capture and Open API data merge into one order', () => {
  const content = { actor: 'content' as const, sender: { id: 'ext', url: 'https://agentseller.temu.com/mmsos/orders.html', tab: { id: 7 } } };

  it('an order captured from the page, then synced: one row, one set of lines, the address added to it', async () => {
    const orders = makeOrders(5, { status: 2, now: NOW });
    await connected(orders);
    await settingsStore.write({ allowSellerCenterCookies: true });
    const capture = createCaptureHandlers(deps);
    await capture['capture/payload'](
      {
        kind: 'orderList',
        shopId: SHOP,
        pageUrl: 'https://agentseller.temu.com/mmsos/orders.html',
        utcOffsetMinutes: 480,
        json: JSON.stringify(orderListResponse(orders, { utcOffsetMinutes: 480 })),
        requestJson: null,
        orderSnHint: null,
      },
      content,
    );
    const fromPage = await deps.db.orders.toArray();
    const linesFromPage = await deps.db.items.count();
    expect(fromPage).toHaveLength(5);

    const report = (await syncOpenApi(deps, 'popup', 'manual'))!;
    expect(report).toMatchObject({ problem: null, toShip: 5, addresses: 5 });
    expect(await deps.db.orders.count()).toBe(5);
    expect(await deps.db.items.count()).toBe(linesFromPage);
    for (const before of fromPage) {
      const after = (await deps.db.orders.get(before.orderSn))!;
      expect(after).toMatchObject({ capturedAt: before.capturedAt, createdAt: before.createdAt, shipBy: before.shipBy, itemCount: before.itemCount, piiState: 'present' });
    }
    // The page's seller SKU codes and the API's productList extCode are the same SKU.
    const item = (await deps.db.items.toArray())[0]!;
    expect(item.sku).toMatch(/^SKU-/);
  });

  it('an order synced first, then seen on the page: still one row, and the stored address is not replaced by a page read', async () => {
    const orders = makeOrders(3, { status: 2, now: NOW });
    await connected(orders);
    await syncOpenApi(deps, 'popup', 'manual');
    await settingsStore.write({ allowSellerCenterCookies: true });
    const capture = createCaptureHandlers(deps);
    const result = await capture['capture/payload'](
      {
        kind: 'orderList',
        shopId: SHOP,
        pageUrl: 'https://agentseller.temu.com/mmsos/orders.html',
        utcOffsetMinutes: 480,
        json: JSON.stringify(orderListResponse(orders, { utcOffsetMinutes: 480 })),
        requestJson: null,
        orderSnHint: null,
      },
      content,
    );
    expect(result.orders).toBe(3);
    expect(await deps.db.orders.count()).toBe(3);
    expect(await deps.db.buyers.count()).toBe(3);
    expect((await deps.db.orders.toArray()).every((o) => o.piiState === 'present')).toBe(true);
  });
});
