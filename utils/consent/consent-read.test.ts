import { describe, expect, it } from 'vitest';
import { POLICY_VERSION } from '../policy/policy-document';
import { isShopAuthorized, readConsentMap } from './consent-read';
import { parseConsentMap } from './consent-schema';

function rng(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const entry = (shopId: string, policyVersion = POLICY_VERSION) => ({ shopId, displayName: 'Shop', authorizedAt: 1_764_000_000_000, policyVersion });
const VALUES: unknown[] = [
  undefined,
  null,
  '',
  '634418212',
  'a'.repeat(40),
  'a'.repeat(41),
  '<b>',
  'x'.repeat(100),
  'x'.repeat(101),
  '1.0',
  'v'.repeat(21),
  0,
  1.5,
  -1,
  Number.NaN,
  Number.POSITIVE_INFINITY,
  true,
  [],
  {},
];

describe('stored consent read without zod (seller-center content script)', () => {
  it('reads what the schema reads: current, old spelling, damaged, hostile', () => {
    const cases: unknown[] = [
      undefined,
      null,
      {},
      'nonsense',
      [],
      [entry('1')],
      { '111': entry('111'), '222': entry('222', '0.9') },
      { '111': { shopId: '111', label: 'Old name', authorizedAt: 1, policyVersion: POLICY_VERSION } },
      { '111': { shopId: '111', authorizedAt: 1, policyVersion: POLICY_VERSION, extra: 'dropped' } },
      { '111': { shopId: '<b>', authorizedAt: 'x' } },
      { '111': entry('111'), '222': null },
      JSON.parse('{"__proto__": {"shopId": "1", "authorizedAt": 1, "policyVersion": "1.0"}, "9": {"shopId": "9", "authorizedAt": 2, "policyVersion": "1.0"}}'),
      Object.create({ inherited: entry('5') }),
      new Date(0),
    ];
    for (const raw of cases) expect(readConsentMap(raw), String(JSON.stringify(raw))).toEqual(parseConsentMap(raw));
    const map = readConsentMap({ '111': entry('111'), '222': entry('222', '0.9') });
    expect([isShopAuthorized(map, '111'), isShopAuthorized(map, '222'), isShopAuthorized(map, '333'), isShopAuthorized(map, null)]).toEqual([true, false, false, false]);
    expect(isShopAuthorized(readConsentMap(JSON.parse('{"__proto__": {"shopId": "1", "authorizedAt": 1, "policyVersion": "1.0"}}')), '__proto__')).toBe(false);
  });

  it('agrees with the schema on 3,000 random mutations of a stored map', () => {
    const random = rng(7);
    const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)]!;
    let empty = 0;
    for (let i = 0; i < 3000; i++) {
      const raw: Record<string, Record<string, unknown>> = { '111': entry('111'), '222': entry('222', '0.9'), '333': entry('333') };
      for (let m = 1 + Math.floor(random() * 2); m > 0; m--) {
        const shop = raw[pick(['111', '222', '333'])]!;
        const field = pick(['shopId', 'displayName', 'label', 'authorizedAt', 'policyVersion', 'extra']);
        if (random() < 0.2) delete shop[field];
        else shop[field] = pick(VALUES);
      }
      const read = readConsentMap(raw);
      expect(read, JSON.stringify(raw)).toEqual(parseConsentMap(raw));
      if (Object.keys(read).length === 0) empty++;
    }
    // Both outcomes were exercised many times.
    expect(empty).toBeGreaterThan(300);
    expect(empty).toBeLessThan(2700);
  });
});
