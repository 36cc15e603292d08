/**
 * Open API sync (issue 12): 500 to-ship orders and their addresses from the fixture router
 * (every request signed and checked), through the same ingest path as page capture, time
 * EXCLUDING the rate limit: the client's pauses (10 requests/s, back-off) run on the fake clock and
 * are not waited for. At 10 requests/s the 505 requests of this sync (5 list pages, 500 address
 * calls) would wait about 50 s more in real life.
 * Baseline, same run: the same 500 orders through the page-capture path (one order-list payload,
 * then one address-query payload per order, as the seller center's hook sends them).
 * Run: npx vitest bench --run bench/open-api.bench.ts
 */
import 'fake-indexeddb/auto';
import { describe } from 'vitest';
import { addressResponse, makeOrders, orderListResponse } from '../tests/fixtures/order-fixtures';
import { makeOpenApiDeps, type OpenApiTestDeps } from '../tests/support/open-api-test-deps';
import { GOOD_PASSPHRASE } from '../tests/support/vault-test-support';
import { createCaptureHandlers } from '../utils/capture/capture-handlers';
import { consentStore } from '../utils/consent/consent-adapter';
import { TEST_SCRYPT_COST } from '../utils/crypto/key-wrap';
import type { VaultKeys } from '../utils/crypto/vault-keys';
import { connectOpenApi, syncOpenApi } from '../utils/open-api/open-api-service';
import { POLICY_VERSION } from '../utils/policy/policy-document';
import { settingsStore } from '../utils/settings/settings-adapter';
import { setupVault } from '../utils/vault/vault-service';
import { figureBench } from './figure-bench';

const NOW = Date.UTC(2026, 11, 2, 9, 0, 0);
const SHOP = '634418200000001';
const N = 500;
const orders = makeOrders(N, { status: 2, now: NOW });
const RUNS = 5;
const opts = { iterations: RUNS, warmupIterations: 1, time: 0 };

await consentStore.grant({ shopId: SHOP, displayName: '', authorizedAt: NOW, policyVersion: POLICY_VERSION });
await settingsStore.write({ allowSellerCenterCookies: true });

/** A vault set up and unlocked, the shop authorized, the app connected: what a sync starts from (made before timing). */
async function connectedEnv(): Promise<OpenApiTestDeps & { keys: VaultKeys }> {
  const deps = makeOpenApiDeps(NOW, { mallId: SHOP, orders });
  // One address in five comes back masked and needs the decrypt call.
  deps.fixture.maskEvery = 5;
  deps.granted.add('us');
  await setupVault(deps, GOOD_PASSPHRASE, 'options', TEST_SCRYPT_COST);
  const reply = await connectOpenApi(deps, { region: 'us', appKey: deps.fixture.appKey, appSecret: deps.fixture.appSecret, accessToken: deps.fixture.accessToken }, 'options');
  if (!reply.ok) throw new Error(`connect failed: ${reply.problem.kind}`);
  // storage.session is one for all environments here: each sync puts its own vault's keys back first.
  return Object.assign(deps, { keys: (await deps.sessionKeys.read()).keys! });
}

const syncEnvs = await Promise.all(Array.from({ length: RUNS + 1 }, connectedEnv));
const captureEnvs = await Promise.all(Array.from({ length: RUNS + 1 }, connectedEnv));
const listJson = JSON.stringify(orderListResponse(orders, { utcOffsetMinutes: 480 }));
const addressJsons = orders.map((o) => JSON.stringify(addressResponse(o)));
const page = { actor: 'content' as const, sender: { id: 'ext', url: 'chrome-extension://ext/popup.html' } };
const base = { shopId: SHOP, pageUrl: 'https://agentseller.temu.com/mmsos/orders.html', utcOffsetMinutes: 480, requestJson: null };

describe(`Open API: ${N} to-ship orders with addresses`, () => {
  figureBench(
    { id: 'open-api.page-capture-500' },
    'page capture path: order-list payload + 500 address payloads (baseline)',
    async () => {
      const deps = captureEnvs.pop()!;
      const capture = createCaptureHandlers(deps);
      await capture['capture/payload']({ ...base, kind: 'orderList', json: listJson, orderSnHint: null }, page);
      for (const [i, json] of addressJsons.entries()) {
        await capture['capture/payload']({ ...base, kind: 'address', json, orderSnHint: orders[i]!.parentOrderSn }, page);
      }
      if ((await deps.db.buyers.count()) !== N) throw new Error('page capture stored the wrong number of addresses');
    },
    opts,
  );

  figureBench(
    { id: 'open-api.sync-500', baselineId: 'open-api.page-capture-500' },
    'Open API sync: 5 signed list pages + 500 shipping-info (+100 decrypt) calls, rate-limit pauses not waited',
    async () => {
      const deps = syncEnvs.pop()!;
      await deps.sessionKeys.write(deps.keys, NOW);
      const report = await syncOpenApi(deps, 'popup', 'manual');
      if (!report || report.problem || report.addresses !== N || !deps.fixture.requests.every((r) => r.signOk)) {
        throw new Error(`sync failed: ${JSON.stringify(report?.problem)}`);
      }
    },
    opts,
  );
});
