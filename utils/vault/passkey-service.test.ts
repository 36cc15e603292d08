import { bytesToHex, randomBytes } from '@noble/hashes/utils.js';
import { describe, expect, it } from 'vitest';
import { TEST_SCRYPT_COST } from '../crypto/key-wrap';
import { readMeta } from '../meta-store';
import { GOOD_PASSPHRASE, makeAddress, makeDeps, makeOrder, makePii, type TestDeps, expectError } from '../../tests/support/vault-test-support';
import { openBuyers, storeCapturedAddresses } from './buyer-store';
import { addPasskey, listPasskeys, removePasskey, unlockWithPasskey } from './passkey-service';
import { MAX_PASSKEYS } from './passkeys';
import { FREE_ATTEMPTS } from './unlock-backoff';
import { changePassphrase, getVaultStatus, lockVault, resetVault, setupVault, unlockVault } from './vault-service';

const NEXT_PASSPHRASE = 'quiet harbour lantern 42 marmalade';

/** What an authenticator would give: a credential id and a fixed PRF output for the passkey's salt. */
function fakePasskey() {
  return { credentialId: bytesToHex(randomBytes(32)), prfSalt: bytesToHex(randomBytes(32)), prfOutput: bytesToHex(randomBytes(32)) };
}

async function setUpUnlocked(): Promise<TestDeps> {
  const deps = makeDeps();
  await setupVault(deps, GOOD_PASSPHRASE, 'options', TEST_SCRYPT_COST);
  return deps;
}

async function audit(deps: TestDeps) {
  return (await deps.db.audit.orderBy('seq').toArray()).map((e) => ({ action: e.action, detail: e.detail, counts: e.counts }));
}

describe('passkey unlock', () => {
  it('adds a passkey (passphrase again), then unlocks with its PRF output; the data opens', async () => {
    const deps = await setUpUnlocked();
    await deps.db.orders.put(makeOrder('PO-1'));
    await storeCapturedAddresses(deps, [makeAddress('PO-1', makePii('Zoë Ōkubo'))], 'content');
    const pk = fakePasskey();
    const added = await addPasskey(deps, { passphrase: GOOD_PASSPHRASE, label: '  Work laptop\n', ...pk }, 'options');
    expect(added.passkeys).toEqual([expect.objectContaining({ label: 'Work laptop', credentialId: pk.credentialId, prfSalt: pk.prfSalt, lastUsedAt: null })]);
    expect(added.max).toBe(MAX_PASSKEYS);
    // The PRF output is never stored: not in meta, not in the audit log.
    const stored = JSON.stringify(await deps.db.meta.toArray(), (_k, v) => (v instanceof Uint8Array ? bytesToHex(v) : v));
    expect(stored).not.toContain(pk.prfOutput);
    expect(JSON.stringify(await deps.db.audit.toArray())).not.toContain('Work laptop');

    await lockVault(deps, 'options', 'lock');
    expect(await getVaultStatus(deps)).toMatchObject({ state: 'locked', passkeyCount: 1 });
    await unlockWithPasskey(deps, pk.credentialId, pk.prfOutput, 'options');
    expect((await getVaultStatus(deps)).state).toBe('unlocked');
    const opened = await openBuyers(deps, ['PO-1'], 'options');
    expect(opened.results['PO-1']).toMatchObject({ state: 'ok', pii: { name: 'Zoë Ōkubo' } });
    expect((await listPasskeys(deps)).passkeys[0]!.lastUsedAt).toBe(deps.now());

    // Lock and unlock again with the same passkey.
    await lockVault(deps, 'options', 'lock');
    await unlockWithPasskey(deps, pk.credentialId, pk.prfOutput, 'popup');
    expect((await getVaultStatus(deps)).state).toBe('unlocked');
    const entries = await audit(deps);
    expect(entries.filter((e) => e.action === 'vault.unlock').map((e) => e.detail)).toEqual(['passkey', 'passkey']);
    expect(entries.find((e) => e.action === 'vault.passkey-added')).toMatchObject({ counts: { passkeys: 1 } });
  });

  it('refuses a forged PRF output and an unknown credential like a wrong passphrase: counted, audited, still locked', async () => {
    const deps = await setUpUnlocked();
    const pk = fakePasskey();
    await addPasskey(deps, { passphrase: GOOD_PASSPHRASE, label: '', ...pk }, 'options');
    await lockVault(deps, 'options', 'lock');
    const forged = await expectError(unlockWithPasskey(deps, pk.credentialId, bytesToHex(randomBytes(32)), 'options'), 'wrong-passphrase');
    expect(forged.message).toBe('This passkey did not open the vault');
    await expectError(unlockWithPasskey(deps, bytesToHex(randomBytes(16)), pk.prfOutput, 'options'), 'wrong-passphrase');
    expect((await getVaultStatus(deps)).state).toBe('locked');
    const failed = (await audit(deps)).filter((e) => e.action === 'vault.unlock-failed');
    expect(failed).toEqual([
      { action: 'vault.unlock-failed', detail: 'passkey', counts: { failures: 1 } },
      { action: 'vault.unlock-failed', detail: 'passkey', counts: { failures: 2 } },
    ]);
    // The passphrase and the passkey still work: nothing was lost.
    await unlockVault(deps, GOOD_PASSPHRASE, 'options');
    await lockVault(deps, 'options', 'lock');
    await unlockWithPasskey(deps, pk.credentialId, pk.prfOutput, 'options');
    expect((await getVaultStatus(deps)).state).toBe('unlocked');
  });

  it('shares the passphrase back-off: forged outputs past the free attempts block every method', async () => {
    const deps = await setUpUnlocked();
    const pk = fakePasskey();
    await addPasskey(deps, { passphrase: GOOD_PASSPHRASE, label: '', ...pk }, 'options');
    await lockVault(deps, 'options', 'lock');
    for (let i = 0; i < FREE_ATTEMPTS; i++) await expectError(unlockWithPasskey(deps, pk.credentialId, bytesToHex(randomBytes(32)), 'options'), 'wrong-passphrase');
    await expectError(unlockWithPasskey(deps, pk.credentialId, pk.prfOutput, 'options'), 'backoff');
    await expectError(unlockVault(deps, GOOD_PASSPHRASE, 'options'), 'backoff');
  });

  it('adding needs the vault unlocked and the right passphrase (a wrong one counts toward the back-off)', async () => {
    const deps = await setUpUnlocked();
    await expectError(addPasskey(deps, { passphrase: 'not the passphrase', label: '', ...fakePasskey() }, 'options'), 'wrong-passphrase');
    expect((await listPasskeys(deps)).passkeys).toEqual([]);
    expect((await audit(deps)).at(-1)).toMatchObject({ action: 'vault.unlock-failed', detail: 'passphrase' });
    await lockVault(deps, 'options', 'lock');
    await expectError(addPasskey(deps, { passphrase: GOOD_PASSPHRASE, label: '', ...fakePasskey() }, 'options'), 'locked');
    expect((await listPasskeys(deps)).passkeys).toEqual([]);
  });

  it('keeps each passkey independent, refuses duplicates and more than the maximum, and removal stops one', async () => {
    const deps = await setUpUnlocked();
    const keys = Array.from({ length: MAX_PASSKEYS }, fakePasskey);
    for (const pk of keys) await addPasskey(deps, { passphrase: GOOD_PASSPHRASE, label: '', ...pk }, 'options');
    expect((await listPasskeys(deps)).passkeys.map((p) => p.label)).toEqual(keys.map((_, i) => `Passkey ${i + 1}`));
    await expectError(addPasskey(deps, { passphrase: GOOD_PASSPHRASE, label: '', ...fakePasskey() }, 'options'), 'conflict');
    await removePasskey(deps, (await listPasskeys(deps)).passkeys[0]!.id, 'options');
    await expectError(addPasskey(deps, { passphrase: GOOD_PASSPHRASE, label: '', ...keys[1]! }, 'options'), 'conflict');

    await lockVault(deps, 'options', 'lock');
    // One passkey's output does not open another's wrap.
    await expectError(unlockWithPasskey(deps, keys[1]!.credentialId, keys[2]!.prfOutput, 'options'), 'wrong-passphrase');
    // The removed one opens nothing any more, even with its real output.
    await expectError(unlockWithPasskey(deps, keys[0]!.credentialId, keys[0]!.prfOutput, 'options'), 'wrong-passphrase');
    await unlockWithPasskey(deps, keys[2]!.credentialId, keys[2]!.prfOutput, 'options');
    expect((await getVaultStatus(deps)).state).toBe('unlocked');
    expect((await audit(deps)).find((e) => e.action === 'vault.passkey-removed')).toMatchObject({ counts: { passkeys: MAX_PASSKEYS - 1 } });
    await expectError(removePasskey(deps, 'f'.repeat(32), 'options'), 'not-found');
  });

  it('removing needs the vault unlocked', async () => {
    const deps = await setUpUnlocked();
    const { passkeys } = await addPasskey(deps, { passphrase: GOOD_PASSPHRASE, label: '', ...fakePasskey() }, 'options');
    await lockVault(deps, 'options', 'lock');
    await expectError(removePasskey(deps, passkeys[0]!.id, 'options'), 'locked');
    expect((await getVaultStatus(deps)).passkeyCount).toBe(1);
  });

  it('keeps working after a passphrase change (same key material) and is dropped by a reset', async () => {
    const deps = await setUpUnlocked();
    const pk = fakePasskey();
    await addPasskey(deps, { passphrase: GOOD_PASSPHRASE, label: '', ...pk }, 'options');
    await changePassphrase(deps, GOOD_PASSPHRASE, NEXT_PASSPHRASE, 'options', TEST_SCRYPT_COST);
    await lockVault(deps, 'options', 'lock');
    await unlockWithPasskey(deps, pk.credentialId, pk.prfOutput, 'options');
    expect((await getVaultStatus(deps)).state).toBe('unlocked');

    await lockVault(deps, 'options', 'lock');
    await resetVault(deps, 'options');
    expect(await readMeta(deps.db, 'vault.passkeys')).toBeUndefined();
    expect((await audit(deps)).at(-1)).toMatchObject({ action: 'vault.reset', counts: { droppedPasskeys: 1 } });
    await setupVault(deps, GOOD_PASSPHRASE, 'options', TEST_SCRYPT_COST);
    await lockVault(deps, 'options', 'lock');
    expect((await getVaultStatus(deps)).passkeyCount).toBe(0);
    await expectError(unlockWithPasskey(deps, pk.credentialId, pk.prfOutput, 'options'), 'wrong-passphrase');
  });
});
