import { describe, expect, it } from 'vitest';
import { openSetupSteps, setupChecklist } from './setup-checklist';

const fresh = { vaultState: 'uninitialized' as const, returnAddress: { addressLine1: '', city: '' }, authorizedShops: 0, capturedOrders: 0 };

describe('first-run checklist', () => {
  it('lists every step on a fresh install, in order', () => {
    expect(openSetupSteps(fresh)).toEqual(['vault', 'address', 'shop', 'sellerCenter']);
  });

  it('marks each step done from the state the background holds', () => {
    expect(openSetupSteps({ ...fresh, vaultState: 'locked' })).toEqual(['address', 'shop', 'sellerCenter']);
    expect(openSetupSteps({ ...fresh, vaultState: 'unlocked', authorizedShops: 2 })).toEqual(['address', 'sellerCenter']);
    // A ship-from address needs its street and city; whitespace is not an address.
    expect(openSetupSteps({ ...fresh, returnAddress: { addressLine1: '1 Road', city: '  ' } })).toContain('address');
    expect(openSetupSteps({ ...fresh, returnAddress: { addressLine1: '1 Road', city: 'Shenzhen' } })).not.toContain('address');
    expect(setupChecklist({ vaultState: 'locked', returnAddress: { addressLine1: 'a', city: 'b' }, authorizedShops: 1, capturedOrders: 3 }).every((i) => i.done)).toBe(true);
  });
});
