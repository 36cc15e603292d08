import { describe, expect, it } from 'vitest';
import { FREE_ATTEMPTS, afterFailure, isBlocked, NO_BACKOFF, BASE_DELAY_MS, MAX_DELAY_MS } from './unlock-backoff';
import { deriveVaultState, idleLockAt, isIdleExpired, MINUTE_MS, nextVaultState } from './vault-state';

describe('vault state machine', () => {
  it('allows only the named transitions', () => {
    expect(nextVaultState('uninitialized', 'setup')).toBe('unlocked');
    expect(nextVaultState('uninitialized', 'unlock')).toBeNull();
    expect(nextVaultState('uninitialized', 'reset')).toBeNull();
    expect(nextVaultState('locked', 'unlock')).toBe('unlocked');
    expect(nextVaultState('locked', 'setup')).toBeNull();
    expect(nextVaultState('locked', 'reset')).toBe('uninitialized');
    expect(nextVaultState('unlocked', 'lock')).toBe('locked');
    expect(nextVaultState('unlocked', 'idle-timeout')).toBe('locked');
    expect(nextVaultState('unlocked', 'unlock')).toBeNull();
    expect(nextVaultState('unlocked', 'reset')).toBe('uninitialized');
  });

  it('derives the state from what is stored', () => {
    expect(deriveVaultState({ setUp: false, hasSessionKeys: true })).toBe('uninitialized');
    expect(deriveVaultState({ setUp: true, hasSessionKeys: false })).toBe('locked');
    expect(deriveVaultState({ setUp: true, hasSessionKeys: true })).toBe('unlocked');
  });

  it('expires exactly at the idle boundary; 0 minutes never expires', () => {
    const t0 = 1_000_000;
    expect(isIdleExpired(t0, 15, t0 + 15 * MINUTE_MS - 1)).toBe(false);
    expect(isIdleExpired(t0, 15, t0 + 15 * MINUTE_MS)).toBe(true);
    expect(isIdleExpired(t0, 0, t0 + 1000 * MINUTE_MS)).toBe(false);
    expect(isIdleExpired(null, 15, t0)).toBe(true);
    expect(idleLockAt(t0, 1)).toBe(t0 + MINUTE_MS);
    expect(idleLockAt(t0, 0)).toBeNull();
  });
});

describe('unlock back-off', () => {
  it('lets 5 failures through, then blocks with a doubling delay capped at an hour', () => {
    let state = NO_BACKOFF;
    const now = 5_000;
    for (let i = 1; i < FREE_ATTEMPTS; i++) {
      state = afterFailure(state, now);
      expect(isBlocked(state, now)).toBe(false);
    }
    state = afterFailure(state, now);
    expect(state).toEqual({ failures: 5, retryAt: now + BASE_DELAY_MS });
    expect(isBlocked(state, now + BASE_DELAY_MS - 1)).toBe(true);
    expect(isBlocked(state, now + BASE_DELAY_MS)).toBe(false);
    expect(afterFailure(state, now).retryAt).toBe(now + 2 * BASE_DELAY_MS);
    expect(afterFailure({ failures: 40, retryAt: null }, now).retryAt).toBe(now + MAX_DELAY_MS);
  });
});
