import { describe, expect, it } from 'vitest';
import { POLICY_VERSION } from '../policy/policy-document';
import { isShopAuthorized, parseConsentMap } from './consent-schema';

const entry = (shopId: string, policyVersion: string) => ({ shopId, label: '', authorizedAt: 1, policyVersion });

describe('shop consent', () => {
  it('authorizes only shops consented under the current policy version', () => {
    const map = parseConsentMap({ '111': entry('111', POLICY_VERSION), '222': entry('222', '0.9') });
    expect(isShopAuthorized(map, '111')).toBe(true);
    expect(isShopAuthorized(map, '222')).toBe(false);
    expect(isShopAuthorized(map, '333')).toBe(false);
    expect(isShopAuthorized(map, null)).toBe(false);
  });

  it('reads a damaged or hostile stored map as no consent at all', () => {
    expect(parseConsentMap({ '111': { shopId: '<b>', authorizedAt: 'x' } })).toEqual({});
    expect(isShopAuthorized(parseConsentMap('nonsense'), '111')).toBe(false);
    expect(isShopAuthorized(parseConsentMap(JSON.parse('{"__proto__": {"shopId": "1", "authorizedAt": 1, "policyVersion": "1.0"}}')), '__proto__')).toBe(false);
  });
});
