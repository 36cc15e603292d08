import { beforeEach, describe, expect, it } from 'vitest';
import { makeHandlerDeps, type HandlerTestDeps } from '../../tests/support/handler-test-deps';
import { settingsStore } from '../settings/settings-adapter';
import { createConsentHandlers } from './consent-handlers';
import { POLICY_VERSION } from '../policy/policy-document';

const SHOP = '634418212';
const NOW = Date.UTC(2026, 10, 25, 9, 0, 0);
let deps: HandlerTestDeps;
const content = { actor: 'content' as const, sender: { id: 'ext', url: 'https://agentseller.temu.com/mmsos/orders.html', tab: { id: 7 } } };
const options = { actor: 'options' as const, sender: { id: 'ext', url: 'chrome-extension://ext/options.html' } };

beforeEach(() => {
  deps = makeHandlerDeps(NOW);
});

describe('consent', () => {
  it('grants, lists, revokes with audit entries; status reflects it and records the tab', async () => {
    const h = createConsentHandlers(deps);
    expect(await h['consent/status']({ shopId: SHOP }, content)).toEqual({ shopId: SHOP, authorized: false, showBanner: true });
    await h['consent/grant']({ shopId: SHOP, displayName: 'Main shop' }, options);
    expect((await h['consent/list']({}, options)).map((c) => c.shopId)).toEqual([SHOP]);
    expect(await h['consent/status']({ shopId: SHOP }, content)).toMatchObject({ authorized: true, showBanner: false });
    expect(await h['consent/revoke']({ shopId: SHOP }, options)).toBe(true);
    expect(await h['consent/revoke']({ shopId: SHOP }, options)).toBe(false);
    expect((await deps.db.audit.toArray()).map((a) => a.action)).toEqual(['consent.grant', 'consent.revoke']);

    await settingsStore.write({ showInPageBanner: false });
    expect((await h['consent/status']({ shopId: SHOP }, content)).showBanner).toBe(false);
  });
});

describe('opening the authorization screen', () => {
  it('opens at most one tab per 10 s however often a page asks', async () => {
    let clock = Date.UTC(2026, 10, 25, 9, 0, 0);
    const opened: string[] = [];
    const h = createConsentHandlers({ ...deps, now: () => clock, tabs: { ...deps.tabs, openAuthorization: async (shopId) => void opened.push(shopId) } });
    for (let i = 0; i < 50; i++) await h['consent/open-authorization']({ shopId: SHOP }, content);
    expect(opened).toEqual([SHOP]);
    clock += 10_000;
    await h['consent/open-authorization']({ shopId: SHOP }, content);
    expect(opened).toHaveLength(2);
  });

  it('after a policy change: capture paused for shops accepted under the old version until the seller accepts the new one', async () => {
    const h = createConsentHandlers(deps);
    await deps.consent.grant({ shopId: SHOP, displayName: '', authorizedAt: NOW - 1000, policyVersion: '1.0' });
    await deps.consent.grant({ shopId: '42', displayName: '', authorizedAt: NOW - 1000, policyVersion: POLICY_VERSION });
    expect(await h['consent/status']({ shopId: SHOP }, content)).toMatchObject({ authorized: false });
    await expect(h['consent/accept-policy']({ version: '1.0' }, options)).rejects.toMatchObject({ code: 'conflict' });
    expect((await h['consent/accept-policy']({ version: POLICY_VERSION }, options)).map((c) => c.shopId)).toEqual([SHOP]);
    expect(await h['consent/status']({ shopId: SHOP }, content)).toMatchObject({ authorized: true });
    expect((await deps.db.audit.toArray()).map((a) => [a.action, a.counts, a.detail])).toEqual([['consent.accept-policy', { shops: 1 }, `policy:${POLICY_VERSION}`]]);
    // Nothing outdated: nothing to accept, nothing audited.
    expect(await h['consent/accept-policy']({ version: POLICY_VERSION }, options)).toEqual([]);
    expect(await deps.db.audit.count()).toBe(1);
  });
});
