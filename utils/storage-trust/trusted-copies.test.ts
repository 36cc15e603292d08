import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { makeDeps } from '../../tests/support/vault-test-support';
import { isShopAuthorized } from '../consent/consent-read';
import { consentStore } from '../consent/consent-adapter';
import { POLICY_VERSION } from '../policy/policy-document';
import { settingsStore } from '../settings/settings-adapter';
import { registerMirrorGuard } from './mirror-guard-listeners';

const forged = { 'shop-1': { shopId: 'shop-1', displayName: 'forged', authorizedAt: 1, policyVersion: POLICY_VERSION } };

/** What a content script can do: write storage.local directly. */
const contentScriptWrites = (items: Record<string, unknown>) => fakeBrowser.storage.local.set(items);

const settle = () => new Promise((resolve) => setTimeout(resolve, 20));

describe('trusted copies of consent and settings (issue 16)', () => {
  it('a consent map written into storage.local by a content script authorizes nothing', async () => {
    await consentStore.grant({ shopId: 'shop-2', displayName: 'mine', authorizedAt: 5, policyVersion: POLICY_VERSION });
    await contentScriptWrites({ consent: forged });
    const map = await consentStore.read();
    expect(isShopAuthorized(map, 'shop-1')).toBe(false);
    expect(isShopAuthorized(map, 'shop-2')).toBe(true);
  });

  it('a refused cookie setting stays refused when storage.local is rewritten', async () => {
    await settingsStore.write({ allowSellerCenterCookies: false, retentionDays: 10 });
    await contentScriptWrites({ settings: { allowSellerCenterCookies: true, retentionDays: 28 } });
    expect(await settingsStore.read()).toMatchObject({ allowSellerCenterCookies: false, retentionDays: 10 });
  });

  it('writes go to the trusted copy and to the mirror the seller-center script reads', async () => {
    await consentStore.grant({ shopId: 'shop-2', displayName: 'mine', authorizedAt: 5, policyVersion: POLICY_VERSION });
    expect((await fakeBrowser.storage.local.get('consent')).consent).toEqual(await consentStore.read());
    await consentStore.revoke('shop-2');
    expect((await fakeBrowser.storage.local.get('consent')).consent).toEqual({});
  });

  it('the first read after the update adopts what storage.local held until then, once', async () => {
    await contentScriptWrites({ consent: { 'shop-3': { ...forged['shop-1'], shopId: 'shop-3' } } });
    expect(isShopAuthorized(await consentStore.read(), 'shop-3')).toBe(true);
    await contentScriptWrites({ consent: forged });
    expect(isShopAuthorized(await consentStore.read(), 'shop-1')).toBe(false);
    expect(isShopAuthorized(await consentStore.read(), 'shop-3')).toBe(true);
  });

  it('the guard puts a tampered mirror back and audits it, without auditing the background’s own writes', async () => {
    const deps = makeDeps();
    registerMirrorGuard(deps);
    await consentStore.grant({ shopId: 'shop-2', displayName: 'mine', authorizedAt: 5, policyVersion: POLICY_VERSION });
    await settingsStore.write({ allowSellerCenterCookies: false });
    await settle();
    expect(await deps.db.audit.where('action').equals('security.mirror-restored').count()).toBe(0);

    await contentScriptWrites({ consent: forged, settings: { allowSellerCenterCookies: true } });
    await expect.poll(async () => (await fakeBrowser.storage.local.get('consent')).consent).toEqual(await consentStore.read());
    await expect.poll(async () => (await fakeBrowser.storage.local.get('settings')).settings).toMatchObject({ allowSellerCenterCookies: false });
    const restored = await deps.db.audit.where('action').equals('security.mirror-restored').toArray();
    expect(restored.map((e) => e.detail).sort()).toEqual(['consent', 'settings']);
    expect(JSON.stringify(restored)).not.toContain('forged');
  });

  it('on wake the guard restores a mirror changed while no listener ran', async () => {
    const deps = makeDeps();
    await consentStore.grant({ shopId: 'shop-2', displayName: 'mine', authorizedAt: 5, policyVersion: POLICY_VERSION });
    await contentScriptWrites({ consent: forged });
    registerMirrorGuard(deps);
    await expect.poll(async () => (await fakeBrowser.storage.local.get('consent')).consent).toEqual(await consentStore.read());
  });

  it('a write racing the wake check or a first read is never taken for tampering, and is not lost', async () => {
    const deps = makeDeps();
    // As on a fresh install: the worker starts (wake check, first reads) while onInstalled writes settings.
    registerMirrorGuard(deps);
    const firstRead = settingsStore.read();
    await Promise.all([settingsStore.write({ allowSellerCenterCookies: false, retentionDays: 10 }), firstRead]);
    await settle();
    expect(await deps.db.audit.where('action').equals('security.mirror-restored').count()).toBe(0);
    expect(await settingsStore.read()).toMatchObject({ allowSellerCenterCookies: false, retentionDays: 10 });
    expect((await fakeBrowser.storage.local.get('settings')).settings).toMatchObject({ retentionDays: 10 });
  });
});
