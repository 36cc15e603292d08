import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { TEST_SCRYPT_COST } from '../crypto/key-wrap';
import { registerVaultLifecycle } from './vault-lifecycle-listeners';
import { getVaultStatus, setupVault } from './vault-service';
import { GOOD_PASSPHRASE, makeDeps } from '../../tests/support/vault-test-support';
import { AUTO_LOCK_ALARM } from './vault-state';

/** Lets the listeners' promise chains settle. */
const settle = () => new Promise((r) => setTimeout(r, 50));

describe('registerVaultLifecycle', () => {
  it('locks on browser start', async () => {
    const deps = makeDeps();
    await setupVault(deps, GOOD_PASSPHRASE, 'options', TEST_SCRYPT_COST);
    registerVaultLifecycle(deps);
    await settle();
    expect((await getVaultStatus(deps)).state).toBe('unlocked');
    await fakeBrowser.runtime.onStartup.trigger();
    await settle();
    expect((await getVaultStatus(deps)).state).toBe('locked');
  });

  it('locks when the idle alarm fires after the deadline, not before', async () => {
    const deps = makeDeps();
    await setupVault(deps, GOOD_PASSPHRASE, 'options', TEST_SCRYPT_COST);
    registerVaultLifecycle(deps);
    const alarm = { name: AUTO_LOCK_ALARM, scheduledTime: deps.clock.now + 15 * 60_000 };
    deps.clock.now += 14 * 60_000;
    await fakeBrowser.alarms.onAlarm.trigger(alarm);
    await settle();
    expect((await getVaultStatus(deps)).state).toBe('unlocked');
    deps.clock.now += 60_000;
    await fakeBrowser.alarms.onAlarm.trigger(alarm);
    await settle();
    expect((await getVaultStatus(deps)).state).toBe('locked');
  });

  it('checks idleness on every worker wake', async () => {
    const deps = makeDeps();
    await setupVault(deps, GOOD_PASSPHRASE, 'options', TEST_SCRYPT_COST);
    deps.clock.now += 16 * 60_000;
    registerVaultLifecycle(deps); // a new worker starting up
    await settle();
    expect(await deps.db.audit.where('action').equals('vault.lock').count()).toBe(1);
  });
});
