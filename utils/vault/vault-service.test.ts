import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { TEST_SCRYPT_COST } from '../crypto/key-wrap';
import { AppDb } from '../db/app-db';
import { settingsStore } from '../settings/settings-adapter';
import { SESSION_KEYS } from '../storage-keys';
import { openBuyers, storeCapturedAddresses } from './buyer-store';
import { BASE_DELAY_MS } from './unlock-backoff';
import { changePassphrase, enforceIdleLock, getVaultStatus, lockVault, requireUnlockedKeys, resetVault, setupVault, unlockVault } from './vault-service';
import { DAY, GOOD_PASSPHRASE, makeAddress, makeDeps, makeOrder, makePii, T0, type TestDeps, expectError } from '../../tests/support/vault-test-support';
import { AUTO_LOCK_ALARM } from './vault-state';

async function setUp(deps: TestDeps, passphrase = GOOD_PASSPHRASE) {
  await setupVault(deps, passphrase, 'options', TEST_SCRYPT_COST);
}

async function actions(deps: TestDeps): Promise<string[]> {
  return (await deps.db.audit.orderBy('seq').toArray()).map((e) => e.action);
}

describe('vault set-up, lock and unlock', () => {
  it('starts uninitialized, set-up unlocks, lock locks, unlock unlocks', async () => {
    const deps = makeDeps();
    expect((await getVaultStatus(deps)).state).toBe('uninitialized');
    await setUp(deps);
    expect(await getVaultStatus(deps)).toMatchObject({ state: 'unlocked', setUp: true, sealedCount: 0, autoLockMinutes: 15 });
    await lockVault(deps, 'popup', 'lock');
    expect((await getVaultStatus(deps)).state).toBe('locked');
    await expectError(requireUnlockedKeys(deps), 'locked');
    await unlockVault(deps, GOOD_PASSPHRASE, 'popup');
    expect((await getVaultStatus(deps)).state).toBe('unlocked');
    expect(await actions(deps)).toEqual(['vault.setup', 'vault.lock', 'vault.unlock']);
    expect(deps.notifyChanged).toHaveBeenCalled();
  });

  it('refuses a weak passphrase and a second set-up', async () => {
    const deps = makeDeps();
    await expectError(setupVault(deps, 'password123', 'options', TEST_SCRYPT_COST), 'invalid-request');
    await setUp(deps);
    await expectError(setupVault(deps, GOOD_PASSPHRASE, 'options', TEST_SCRYPT_COST), 'conflict');
  });

  it('sets nothing up when the strength dictionaries cannot be read: a passphrase is never taken unchecked', async () => {
    const deps = makeDeps();
    deps.passphraseDictionaries = { load: async () => Promise.reject(new Error('passphrase-dictionaries.json: HTTP 404')) };
    await expect(setupVault(deps, GOOD_PASSPHRASE, 'options', TEST_SCRYPT_COST)).rejects.toThrow(/HTTP 404/);
    expect((await getVaultStatus(deps)).setUp).toBe(false);
  });

  it('keeps key material only in storage.session, never in storage.local or the database in the clear', async () => {
    const deps = makeDeps();
    await setUp(deps);
    const session = await fakeBrowser.storage.session.get(SESSION_KEYS.unlockedKeys);
    const secretHex = (session[SESSION_KEYS.unlockedKeys] as { secretKey: string }).secretKey;
    expect(secretHex).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(await fakeBrowser.storage.local.get())).not.toContain(secretHex);
    const meta = await deps.db.meta.toArray();
    expect(JSON.stringify(meta, (_k, v) => (v instanceof Uint8Array ? Buffer.from(v).toString('hex') : v))).not.toContain(secretHex);
  });

  it('answers a wrong passphrase generically and audits it', async () => {
    const deps = makeDeps();
    await setUp(deps);
    await lockVault(deps, 'popup', 'lock');
    const err = await expectError(unlockVault(deps, 'not the passphrase', 'popup'), 'wrong-passphrase');
    expect(err.message).toBe('Wrong passphrase');
    expect((await getVaultStatus(deps)).state).toBe('locked');
    const failed = await deps.db.audit.where('action').equals('vault.unlock-failed').toArray();
    expect(failed).toHaveLength(1);
    expect(JSON.stringify(failed)).not.toContain('not the passphrase');
  });

  it('backs off after 5 failures until retryAt, persisted across a new service instance', async () => {
    const deps = makeDeps();
    await setUp(deps);
    await lockVault(deps, 'popup', 'lock');
    for (let i = 1; i <= 5; i++) {
      deps.clock.now += 1000;
      await expectError(unlockVault(deps, `wrong ${i}`, 'popup'), 'wrong-passphrase');
    }
    const fifthAt = deps.clock.now;
    // A new worker: new database connection, same stored data; the right passphrase is still refused.
    const restarted = makeDeps(new AppDb(deps.db.name));
    restarted.clock.now = fifthAt + 1000;
    const blocked = await expectError(unlockVault(restarted, GOOD_PASSPHRASE, 'popup'), 'backoff');
    expect(blocked.retryAt).toBe(fifthAt + BASE_DELAY_MS);
    expect((await getVaultStatus(restarted)).backoffUntil).toBe(fifthAt + BASE_DELAY_MS);
    restarted.clock.now = fifthAt + BASE_DELAY_MS;
    await unlockVault(restarted, GOOD_PASSPHRASE, 'popup');
    expect(await getVaultStatus(restarted)).toMatchObject({ state: 'unlocked', backoffUntil: null });
    expect((await actions(restarted)).filter((a) => a === 'vault.unlock-failed')).toHaveLength(5);
  });

  it('auto-locks after the idle time (injected clock), with an alarm armed at the deadline', async () => {
    const deps = makeDeps();
    await settingsStore.write({ autoLockMinutes: 10 });
    await setUp(deps);
    expect((await fakeBrowser.alarms.get(AUTO_LOCK_ALARM))?.scheduledTime).toBe(deps.clock.now + 10 * 60_000);
    deps.clock.now += 9 * 60_000;
    await requireUnlockedKeys(deps); // activity: the deadline moves
    expect((await fakeBrowser.alarms.get(AUTO_LOCK_ALARM))?.scheduledTime).toBe(deps.clock.now + 10 * 60_000);
    deps.clock.now += 10 * 60_000 - 1;
    expect(await enforceIdleLock(deps)).toBe(false);
    deps.clock.now += 1;
    expect(await enforceIdleLock(deps)).toBe(true);
    expect((await getVaultStatus(deps)).state).toBe('locked');
    expect(await fakeBrowser.alarms.get(AUTO_LOCK_ALARM)).toBeUndefined();
    const lock = await deps.db.audit.where('action').equals('vault.lock').first();
    expect(lock).toMatchObject({ actor: 'background', detail: 'idle-timeout' });
  });

  it('with auto-lock 0 stays unlocked until the browser closes', async () => {
    const deps = makeDeps();
    await settingsStore.write({ autoLockMinutes: 0 });
    await setUp(deps);
    deps.clock.now += 1000 * 60_000;
    expect(await enforceIdleLock(deps)).toBe(false);
    await lockVault(deps, 'background', 'browser-start');
    expect((await getVaultStatus(deps)).state).toBe('locked');
  });
});

describe('change passphrase and reset', () => {
  it('re-wraps keys: the old passphrase fails, the new one opens records sealed before', async () => {
    const deps = makeDeps();
    await deps.db.orders.put(makeOrder('PO-1'));
    await setUp(deps);
    await storeCapturedAddresses(deps, [makeAddress('PO-1', makePii('Zoë Ōkubo'))], 'content');
    const sealedBefore = (await deps.db.buyers.get('PO-1'))!.sealed;
    const next = 'quartz pelican umbrella 42 harbor';
    await changePassphrase(deps, GOOD_PASSPHRASE, next, 'options', TEST_SCRYPT_COST);
    expect((await deps.db.buyers.get('PO-1'))!.sealed).toEqual(sealedBefore);
    await lockVault(deps, 'options', 'lock');
    await expectError(unlockVault(deps, GOOD_PASSPHRASE, 'popup'), 'wrong-passphrase');
    await unlockVault(deps, next, 'popup');
    const opened = await openBuyers(deps, ['PO-1'], 'popup');
    // E-mail is not captured by default (issue 15, data minimization).
    expect(opened.results['PO-1']).toEqual({ state: 'ok', pii: makePii('Zoë Ōkubo', { email: null }) });
  });

  it('change passphrase needs the current one', async () => {
    const deps = makeDeps();
    await setUp(deps);
    await expectError(changePassphrase(deps, 'wrong current', 'quartz pelican umbrella 42 harbor', 'options', TEST_SCRYPT_COST), 'wrong-passphrase');
  });

  it('reset deletes buyer data and keys, keeps orders marked purged', async () => {
    const deps = makeDeps();
    await deps.db.orders.bulkPut([makeOrder('PO-1'), makeOrder('PO-2'), makeOrder('PO-3')]);
    await setUp(deps);
    await storeCapturedAddresses(deps, [makeAddress('PO-1', makePii('A')), makeAddress('PO-2', makePii('B'))], 'content');
    await lockVault(deps, 'options', 'lock');
    const fileId = await deps.db.exports.add({
      createdAt: T0,
      purgeAt: T0 + 28 * DAY,
      downloadId: 7,
      fileName: 'labels.pdf',
      format: 'pdf-4x6',
      orderSns: ['PO-1'],
      state: 'live',
      removedAt: null,
    });
    deps.clock.now = T0 + 60_000;
    expect(await resetVault(deps, 'options')).toEqual({ deletedBuyers: 2, purgedOrders: 2 });
    expect((await deps.db.exports.get(fileId))!.purgeAt).toBe(T0 + 60_000);
    expect(await deps.db.buyers.count()).toBe(0);
    const orders = await deps.db.orders.orderBy('orderSn').toArray();
    expect(orders.map((o) => [o.orderSn, o.piiState, o.purgeAt])).toEqual([
      ['PO-1', 'purged', null],
      ['PO-2', 'purged', null],
      ['PO-3', 'none', null],
    ]);
    expect(await getVaultStatus(deps)).toMatchObject({ state: 'uninitialized', setUp: false });
    // A new vault can be set up afterwards.
    await setUp(deps);
    expect((await getVaultStatus(deps)).state).toBe('unlocked');
  });
});
