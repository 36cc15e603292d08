import { beforeEach, describe, expect, it, vi } from 'vitest';
import { addressResponse, makeOrders, orderListResponse } from '../../tests/fixtures/order-fixtures';
import { makeHandlerDeps, type HandlerTestDeps } from '../../tests/support/handler-test-deps';
import { GOOD_PASSPHRASE } from '../../tests/support/vault-test-support';
import { createCaptureHandlers } from '../capture/capture-handlers';
import { consentStore } from '../consent/consent-adapter';
import { TEST_SCRYPT_COST } from '../crypto/key-wrap';
import { MessageError } from '../messaging/envelope';
import { POLICY_VERSION } from '../policy/policy-document';
import { settingsStore } from '../settings/settings-adapter';
import { setupVault } from '../vault/vault-service';
import { createBulkFetchHandlers } from './bulk-fetch-handlers';
import type { BulkFetchStoreInput } from './bulk-fetch-messages';

const SHOP = '634418212';
const NOW = Date.UTC(2026, 11, 2, 9, 0, 0);
const content = { actor: 'content' as const, sender: { id: 'ext', url: 'https://agentseller.temu.com/mmsos/orders.html', tab: { id: 7 } } };
let deps: HandlerTestDeps;

beforeEach(() => {
  deps = makeHandlerDeps(NOW);
  vi.spyOn(console, 'warn').mockImplementation(() => undefined);
});

const orders = makeOrders(6, { status: 2 });

/** Authorized shop, vault, bulk fetch on, the orders captured from the list. */
async function ready() {
  await consentStore.grant({ shopId: SHOP, displayName: '', authorizedAt: NOW, policyVersion: POLICY_VERSION });
  await setupVault(deps, GOOD_PASSPHRASE, 'options', TEST_SCRYPT_COST);
  await settingsStore.write({ allowBulkAddressFetch: true });
  const capture = createCaptureHandlers(deps);
  await capture['capture/payload'](
    {
      kind: 'orderList',
      shopId: SHOP,
      pageUrl: 'https://agentseller.temu.com/mmsos/orders.html',
      utcOffsetMinutes: 480,
      json: JSON.stringify(orderListResponse(orders)),
      requestJson: null,
      orderSnHint: null,
    },
    content,
  );
}

const input = (over: Partial<BulkFetchStoreInput> = {}): BulkFetchStoreInput => ({
  shopId: SHOP,
  reasonType: 1,
  requested: 3,
  answers: [],
  stoppedBy: null,
  cancelled: false,
  notAttempted: 0,
  ...over,
});

describe('bulk-fetch/plan', () => {
  it('lists the shop’s to-ship orders without an address, and refuses until allowed', async () => {
    const h = createBulkFetchHandlers(deps);
    expect(await h['bulk-fetch/plan']({ shopId: SHOP, orderSns: null }, content)).toMatchObject({ refusal: 'bulk-fetch-off', orderSns: [] });
    await ready();
    const plan = await h['bulk-fetch/plan']({ shopId: SHOP, orderSns: null }, content);
    expect(plan.refusal).toBeNull();
    expect([...plan.orderSns].sort()).toEqual(orders.map((o) => o.parentOrderSn).sort());
    await settingsStore.write({ allowSellerCenterCookies: false });
    expect((await h['bulk-fetch/plan']({ shopId: SHOP, orderSns: null }, content)).refusal).toBe('cookies-refused');
  });
});

describe('bulk-fetch/store: the one ingest path, one audit entry per batch', () => {
  it('seals real addresses, refuses masked ones and answers for another order, and writes one counts-only entry', async () => {
    await ready();
    const h = createBulkFetchHandlers(deps);
    const [a, b, c, d] = orders as [(typeof orders)[0], (typeof orders)[0], (typeof orders)[0], (typeof orders)[0]];
    const reply = await h['bulk-fetch/store'](
      input({
        requested: 5,
        answers: [
          { orderSn: a.parentOrderSn, json: JSON.stringify(addressResponse(a)) },
          { orderSn: b.parentOrderSn, json: JSON.stringify(addressResponse(b, { masked: true })) },
          // An answer naming another order than the one asked for is not stored for either.
          { orderSn: c.parentOrderSn, json: JSON.stringify(addressResponse(d)) },
          { orderSn: d.parentOrderSn, json: 'not json' },
        ],
        stoppedBy: 'login-expired',
        notAttempted: 1,
      }),
      content,
    );
    expect(reply).toMatchObject({ stored: 1, masked: 1, invalid: 2 });
    expect((await deps.db.buyers.toArray()).map((r) => r.orderSn)).toEqual([a.parentOrderSn]);
    const audit = await deps.db.audit.where('action').equals('capture.bulk-fetch').toArray();
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({
      actor: 'content',
      orderSns: [],
      detail: 'login-expired',
      counts: { requested: 5, answers: 4, stored: 1, masked: 1, invalid: 2, notAttempted: 1 },
    });
    expect(JSON.stringify(await deps.db.audit.toArray())).not.toContain(a.buyer.name);
    // No per-capture entry besides the batch's.
    expect(await deps.db.audit.where('action').equals('capture.addresses').count()).toBe(0);
  });

  it('writes the batch entry even when nothing was fetched (the seller center was still asked)', async () => {
    await ready();
    const h = createBulkFetchHandlers(deps);
    await h['bulk-fetch/store'](input({ requested: 2, stoppedBy: 'signature-required', notAttempted: 1 }), content);
    const audit = await deps.db.audit.where('action').equals('capture.bulk-fetch').toArray();
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ detail: 'signature-required', counts: { stored: 0, answers: 0 } });
  });

  it('re-checks the gate: cookie use refused → nothing stored, nothing audited as stored', async () => {
    await ready();
    await settingsStore.write({ allowSellerCenterCookies: false });
    const h = createBulkFetchHandlers(deps);
    const a = orders[0]!;
    await expect(h['bulk-fetch/store'](input({ answers: [{ orderSn: a.parentOrderSn, json: JSON.stringify(addressResponse(a)) }] }), content)).rejects.toThrow(MessageError);
    expect(await deps.db.buyers.count()).toBe(0);
    expect(await deps.db.audit.where('action').equals('capture.bulk-fetch').count()).toBe(0);
  });
});
