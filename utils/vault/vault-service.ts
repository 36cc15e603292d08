import { appendAudit, recordAudit } from '../audit/audit-log';
import type { BackgroundDeps } from '../background-deps';
import { UnwrapError } from '../crypto/key-wrap';
import { generateVaultKeys, unwrapVaultKeys, wrapVaultKeys, type VaultKeys, type WrappedVaultKeys } from '../crypto/vault-keys';
import type { AuditActor } from '../db/records';
import { deleteMeta, readMeta, writeMeta } from '../meta-store';
import { MessageError } from '../messaging/envelope';
import type { VaultResetResult, VaultStatus } from './vault-messages';
import { eraseScopeInTransaction } from '../retention/deletion-scope';
import { createStrengthEstimator } from './passphrase-estimator';
import { parsePasskeys, type PasskeyRecord } from './passkeys';
import { afterFailure, isBlocked, parseBackoff, type UnlockBackoff } from './unlock-backoff';
import { deriveVaultState, idleLockAt, isIdleExpired, nextVaultState, type VaultEvent, type VaultState } from './vault-state';

/** meta rows the vault owns. */

type KdfCost = { N: number; r: number; p: number };

export async function readWrappedKeys(deps: BackgroundDeps): Promise<WrappedVaultKeys | null> {
  return (await readMeta(deps.db, 'vault')) ?? null;
}

async function readBackoff(deps: BackgroundDeps): Promise<UnlockBackoff> {
  return parseBackoff(await readMeta(deps.db, 'vaultUnlockBackoff'));
}

export async function currentState(deps: BackgroundDeps): Promise<VaultState> {
  const [wrapped, session] = await Promise.all([readWrappedKeys(deps), deps.sessionKeys.read()]);
  return deriveVaultState({ setUp: wrapped != null, hasSessionKeys: session.keys != null });
}

/** Throws `conflict` when the state machine does not allow `event` now. */
export function requireTransition(state: VaultState, event: VaultEvent): VaultState {
  const next = nextVaultState(state, event);
  if (next == null) {
    if (state === 'uninitialized') throw new MessageError('not-found', 'No vault is set up yet');
    throw new MessageError('conflict', `Cannot ${event} while the vault is ${state}`);
  }
  return next;
}

/** The same check as the pages' meter, with the dictionaries loaded only now (not parsed on every worker wake). */
async function assertStrong(deps: BackgroundDeps, passphrase: string): Promise<void> {
  const estimate = createStrengthEstimator(await deps.passphraseDictionaries.load());
  if (!estimate(passphrase).acceptable) {
    throw new MessageError('invalid-request', 'The passphrase is too weak: use a longer phrase of several unusual words');
  }
}

/** Re-arms the idle alarm from the last vault use. */
async function armAutoLock(deps: BackgroundDeps, lastActivityAt: number): Promise<void> {
  const { autoLockMinutes } = await deps.settings.read();
  await deps.autoLockAlarm.schedule(idleLockAt(lastActivityAt, autoLockMinutes));
}

/** One in-worker queue for passphrase and passkey attempts, so parallel attempts cannot slip past the back-off. */
let unlockQueue: Promise<unknown> = Promise.resolve();
export function serialized<T>(task: () => Promise<T>): Promise<T> {
  const run = unlockQueue.then(task, task);
  unlockQueue = run.catch(() => undefined);
  return run;
}

export async function readPasskeys(deps: BackgroundDeps): Promise<PasskeyRecord[]> {
  return parsePasskeys(await readMeta(deps.db, 'vault.passkeys'));
}

export async function getVaultStatus(deps: BackgroundDeps): Promise<VaultStatus> {
  await enforceIdleLock(deps);
  const [wrapped, session, backoff, settings, sealedCount, passkeys] = await Promise.all([
    readWrappedKeys(deps),
    deps.sessionKeys.read(),
    readBackoff(deps),
    deps.settings.read(),
    deps.db.buyers.count(),
    readPasskeys(deps),
  ]);
  return {
    state: deriveVaultState({ setUp: wrapped != null, hasSessionKeys: session.keys != null }),
    setUp: wrapped != null,
    sealedCount,
    backoffUntil: isBlocked(backoff, deps.now()) ? backoff.retryAt : null,
    autoLockMinutes: settings.autoLockMinutes,
    passkeyCount: passkeys.length,
  };
}

export async function setupVault(deps: BackgroundDeps, passphrase: string, actor: AuditActor, cost?: KdfCost): Promise<void> {
  await assertStrong(deps, passphrase);
  requireTransition(await currentState(deps), 'setup');
  const keys = generateVaultKeys();
  const wrapped = wrapVaultKeys(keys, passphrase, cost);
  const { db } = deps;
  await db.transaction('rw', [db.meta, db.audit], async () => {
    if (await readMeta(db, 'vault')) throw new MessageError('conflict', 'A vault is already set up');
    await writeMeta(db, 'vault', wrapped);
    // A vault set up anew has new keys: passkey wraps of older keys (if any survived) open nothing.
    await deleteMeta(db, 'vaultUnlockBackoff', 'vault.passkeys');
    await appendAudit(db, deps.now(), { actor, action: 'vault.setup', detail: `scrypt N=${wrapped.kdf.N} r=${wrapped.kdf.r} p=${wrapped.kdf.p}` });
  });
  const now = deps.now();
  await deps.sessionKeys.write(keys, now);
  await armAutoLock(deps, now);
  await deps.notifyChanged();
}

/** How a seller unlocks; recorded in the audit entry (`detail`), nothing else about the attempt. */
export type UnlockMethod = 'passphrase' | 'passkey';

/**
 * Runs `open` (the KDF, or the passkey unwrap) unless backed off; a failure (UnwrapError) is
 * counted (persisted) and audited with the method. Answers one generic error for every failure.
 */
export async function unwrapWithBackoff(deps: BackgroundDeps, open: () => VaultKeys, actor: AuditActor, method: UnlockMethod): Promise<VaultKeys> {
  const backoff = await readBackoff(deps);
  if (isBlocked(backoff, deps.now())) {
    throw new MessageError('backoff', 'Too many failed unlock attempts: wait before trying again', backoff.retryAt ?? undefined);
  }
  try {
    return open();
  } catch (err) {
    if (!(err instanceof UnwrapError)) throw err;
    const { db } = deps;
    const next = await db.transaction('rw', [db.meta, db.audit], async () => {
      const after = afterFailure(await readBackoff(deps), deps.now());
      await writeMeta(db, 'vaultUnlockBackoff', after);
      await appendAudit(db, deps.now(), { actor, action: 'vault.unlock-failed', counts: { failures: after.failures }, detail: method });
      return after;
    });
    await deps.notifyChanged();
    throw new MessageError('wrong-passphrase', method === 'passkey' ? 'This passkey did not open the vault' : 'Wrong passphrase', next.retryAt ?? undefined);
  }
}

/** Unlocked: back-off cleared, audited with the method (plus `during`, e.g. a passkey's last use), keys into the session. */
export async function completeUnlock(deps: BackgroundDeps, keys: VaultKeys, actor: AuditActor, method: UnlockMethod, during?: () => Promise<void>): Promise<void> {
  const { db } = deps;
  await db.transaction('rw', [db.meta, db.audit], async () => {
    await deleteMeta(db, 'vaultUnlockBackoff');
    await during?.();
    await appendAudit(db, deps.now(), { actor, action: 'vault.unlock', detail: method });
  });
  const now = deps.now();
  await deps.sessionKeys.write(keys, now);
  await armAutoLock(deps, now);
  await deps.notifyChanged();
}

export function unlockVault(deps: BackgroundDeps, passphrase: string, actor: AuditActor): Promise<void> {
  return serialized(async () => {
    const wrapped = await readWrappedKeys(deps);
    requireTransition(await currentState(deps), 'unlock');
    const keys = await unwrapWithBackoff(deps, () => unwrapVaultKeys(wrapped!, passphrase), actor, 'passphrase');
    await completeUnlock(deps, keys, actor, 'passphrase');
  });
}

export type LockReason = 'lock' | 'idle-timeout' | 'browser-start';

/** Drops the session keys. Audited when keys were actually held. */
export async function lockVault(deps: BackgroundDeps, actor: AuditActor, reason: LockReason): Promise<void> {
  const session = await deps.sessionKeys.read();
  await deps.sessionKeys.clear();
  await deps.autoLockAlarm.schedule(null);
  if (session.keys) {
    await recordAudit(deps.db, deps.now(), { actor, action: 'vault.lock', detail: reason });
    await deps.notifyChanged();
  }
}

/**
 * Idle auto-lock check: on every worker wake, on the alarm, and before every use of keys.
 * Also drops keys left in the session after a reset. Returns true when it locked.
 */
export async function enforceIdleLock(deps: BackgroundDeps): Promise<boolean> {
  const session = await deps.sessionKeys.read();
  if (!session.keys) return false;
  const [{ autoLockMinutes }, wrapped] = await Promise.all([deps.settings.read(), readWrappedKeys(deps)]);
  if (wrapped == null) {
    await deps.sessionKeys.clear();
    return true;
  }
  if (!isIdleExpired(session.lastActivityAt, autoLockMinutes, deps.now())) return false;
  await lockVault(deps, 'background', 'idle-timeout');
  return true;
}

/** The unlocked keys for a page message that uses the vault (counts as activity); `locked` otherwise. */
export async function requireUnlockedKeys(deps: BackgroundDeps): Promise<VaultKeys> {
  await enforceIdleLock(deps);
  const session = await deps.sessionKeys.read();
  if (!session.keys) throw new MessageError('locked', 'The vault is locked: unlock it to see buyer data');
  const now = deps.now();
  await deps.sessionKeys.touch(now);
  await armAutoLock(deps, now);
  return session.keys;
}

/**
 * Re-wraps the same keys under a new passphrase; sealed records are untouched. Passkeys wrap the
 * same key material, so they keep working (the seller is told so in the page).
 */
export function changePassphrase(deps: BackgroundDeps, current: string, next: string, actor: AuditActor, cost?: KdfCost): Promise<void> {
  return serialized(async () => {
    await assertStrong(deps, next);
    const wrapped = await readWrappedKeys(deps);
    if (!wrapped) throw new MessageError('not-found', 'No vault is set up yet');
    const keys = await unwrapWithBackoff(deps, () => unwrapVaultKeys(wrapped, current), actor, 'passphrase');
    const rewrapped = wrapVaultKeys(keys, next, cost);
    const { db } = deps;
    await db.transaction('rw', [db.meta, db.audit], async () => {
      await writeMeta(db, 'vault', rewrapped);
      await deleteMeta(db, 'vaultUnlockBackoff');
      await appendAudit(db, deps.now(), { actor, action: 'vault.passphrase-changed' });
    });
    await deps.notifyChanged();
  });
}

/**
 * Forgotten passphrase: every buyer row and the keys go, tracked export files become due for
 * removal; non-personal order facts stay, marked purged where they had PII. One transaction.
 */
export async function resetVault(deps: BackgroundDeps, actor: AuditActor): Promise<VaultResetResult> {
  const { db } = deps;
  const result = await db.transaction('rw', [db.buyers, db.orders, db.exports, db.meta, db.audit], async () => {
    const state = deriveVaultState({ setUp: (await readMeta(db, 'vault')) != null, hasSessionKeys: false });
    requireTransition(state, 'reset');
    const now = deps.now();
    const deletedBuyers = await db.buyers.count();
    const droppedPasskeys = (await readPasskeys(deps)).length;
    const purgedOrders = await db.orders.where('piiState').equals('present').count();
    // Retention's eraser: buyers rows out, orders marked purged, every live export file due now
    // (the retention sweep armed by notifyChanged removes the files from disk).
    await eraseScopeInTransaction(db, deps.shredKeys, { kind: 'all' }, now);
    await db.buyers.clear();
    // The keys go, so do the passkey wraps of them: a new vault starts with the passphrase only.
    await deleteMeta(db, 'vault', 'vaultUnlockBackoff', 'vault.passkeys');
    await appendAudit(db, now, { actor, action: 'vault.reset', counts: { deletedBuyers, purgedOrders, droppedPasskeys } });
    return { deletedBuyers, purgedOrders };
  });
  await deps.sessionKeys.clear();
  await deps.autoLockAlarm.schedule(null);
  await deps.notifyChanged();
  return result;
}
