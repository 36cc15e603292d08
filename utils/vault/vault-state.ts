/**
 * The vault's lock state as a small state machine (issue 4). Pure: the service derives the
 * current state from storage, asks `nextVaultState` whether an event is allowed, then writes.
 */
export type VaultState = 'uninitialized' | 'locked' | 'unlocked';

export type VaultEvent = 'setup' | 'unlock' | 'lock' | 'idle-timeout' | 'reset';

const TRANSITIONS: Record<VaultState, Partial<Record<VaultEvent, VaultState>>> = {
  uninitialized: { setup: 'unlocked' },
  locked: { unlock: 'unlocked', reset: 'uninitialized', lock: 'locked' },
  unlocked: { lock: 'locked', 'idle-timeout': 'locked', reset: 'uninitialized' },
};

/** The state after `event`, or null when the event is not allowed in `state`. */
export function nextVaultState(state: VaultState, event: VaultEvent): VaultState | null {
  return TRANSITIONS[state][event] ?? null;
}

/** Current state from what is stored: a wrapped vault in `meta`, key material in storage.session. */
export function deriveVaultState(facts: { setUp: boolean; hasSessionKeys: boolean }): VaultState {
  if (!facts.setUp) return 'uninitialized';
  return facts.hasSessionKeys ? 'unlocked' : 'locked';
}

export const MINUTE_MS = 60_000;

/**
 * Idle auto-lock: `autoLockMinutes` of no vault use locks the vault; 0 means "only when the
 * browser closes" (storage.session is cleared by the browser then).
 */
export function isIdleExpired(lastActivityAt: number | null, autoLockMinutes: number, now: number): boolean {
  if (autoLockMinutes <= 0) return false;
  if (lastActivityAt == null) return true;
  return now - lastActivityAt >= autoLockMinutes * MINUTE_MS;
}

/** When the idle timer fires, or null for "on browser close". */
export function idleLockAt(lastActivityAt: number, autoLockMinutes: number): number | null {
  return autoLockMinutes > 0 ? lastActivityAt + autoLockMinutes * MINUTE_MS : null;
}

/** Name of the one-shot idle auto-lock alarm (auto-lock-alarm-adapter.ts arms it). */
export const AUTO_LOCK_ALARM = 'vault-auto-lock';
