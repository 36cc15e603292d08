import { describe, expect, it } from 'vitest';
import { READ_SETTINGS_KEYS, readStoredSettings } from './settings-read';
import { DEFAULT_SETTINGS, parseStoredSettings, settingsSchema } from './settings-schema';

/** A small deterministic PRNG (mulberry32): the same mutations on every run. */
function rng(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const VALUES: unknown[] = [
  undefined,
  null,
  0,
  1,
  -1,
  1.5,
  14,
  28,
  29,
  240,
  241,
  Number.NaN,
  Number.POSITIVE_INFINITY,
  2 ** 60,
  '',
  'x',
  'a'.repeat(40),
  'a'.repeat(41),
  'a'.repeat(100),
  'a'.repeat(101),
  'a'.repeat(200),
  'a'.repeat(201),
  'a'.repeat(300),
  'a'.repeat(301),
  true,
  false,
  '4up',
  '2up',
  '3up',
  'auto',
  'en',
  'zh_CN',
  'zh-CN',
  'opened',
  'list',
  [],
  [{ header: 'h', field: 'f' }],
  [{ header: '', field: 'f' }],
  Array.from({ length: 61 }, () => ({ header: 'h', field: 'f' })),
  {},
  { name: 'Acme', city: 'Shenzhen', extra: 1 },
  { name: 5 },
];

const VALID = {
  retentionDays: 21,
  autoLockMinutes: 0,
  returnAddress: { name: 'Acme', company: 'Acme Ltd', addressLine1: '1 Road', city: 'Shenzhen', postcode: '518000', country: 'CN', phone: '+86 1' },
  csvCustomColumns: [{ header: 'Ref', field: 'orderSn', unknown: true }],
  labelSheetLayout: '2up',
  allowSellerCenterCookies: false,
  allowBulkAddressFetch: true,
  showInPageBanner: false,
  shippingRun: {
    pdfProfile: 'a4-2up',
    zplProfile: 'zpl-4x6-300',
    printProfile: 'label-a6',
    sortBy: 'sku',
    reverseStack: true,
    csvOmitContact: ['shipandco'],
    latinOnlyFormats: ['generic', 'zpl'],
    shipByMorningNotice: true,
    extra: 1,
  },
  uiLanguage: 'zh_CN',
  captureBuyerEmail: true,
  captureBackupPhone: true,
  captureScope: 'list',
  onboardingChecklistHidden: true,
  somethingNew: 'ignored',
};

const SHIPPING_RUN_VALUES: unknown[] = [
  undefined,
  null,
  'sku',
  'orderTime',
  'label-4x8',
  'zpl-a6-300',
  'zpl-4x6-600',
  'a4-3up',
  true,
  1,
  [],
  ['generic'],
  ['generic', 'generic', 'x'],
  ['shipandco', 'custom', 'generic', 'shippingeasy', 'zpl', 'generic'],
  ['zpl'],
  {},
];

describe('stored settings read without zod (seller-center content script)', () => {
  it('knows every field of the schema', () => {
    expect([...READ_SETTINGS_KEYS].sort()).toEqual(Object.keys(settingsSchema.shape).sort());
  });

  it('reads what the schema reads: valid, defaults, damaged', () => {
    const cases: unknown[] = [undefined, null, {}, VALID, 'nonsense', 7, [], [VALID], { allowSellerCenterCookies: false }, { showInPageBanner: false, retentionDays: 99 }];
    for (const raw of cases) expect(readStoredSettings(raw), JSON.stringify(raw)).toEqual(parseStoredSettings(raw));
    expect(readStoredSettings({ allowSellerCenterCookies: false }).allowSellerCenterCookies).toBe(false);
    // One bad value anywhere: all defaults, cookie use included (as the background reads it).
    expect(readStoredSettings({ allowSellerCenterCookies: false, autoLockMinutes: 241 })).toEqual(DEFAULT_SETTINGS);
  });

  it('agrees with the schema on 3,000 random mutations of a stored object', () => {
    const random = rng(11);
    const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)]!;
    let fellBack = 0;
    for (let i = 0; i < 3000; i++) {
      const raw: Record<string, unknown> = structuredClone(VALID);
      for (let m = 1 + Math.floor(random() * 3); m > 0; m--) {
        const key = pick(READ_SETTINGS_KEYS);
        const r = random();
        if (r < 0.15) delete raw[key];
        else if (r < 0.4 && key === 'returnAddress') raw.returnAddress = { ...VALID.returnAddress, [pick(['name', 'postcode', 'phone', 'addressLine2', 'extra'])]: pick(VALUES) };
        else if (r < 0.6 && key === 'shippingRun')
          raw.shippingRun = {
            ...VALID.shippingRun,
            [pick(['pdfProfile', 'zplProfile', 'printProfile', 'sortBy', 'reverseStack', 'csvOmitContact', 'latinOnlyFormats', 'shipByMorningNotice', 'extra'])]: structuredClone(
              pick(SHIPPING_RUN_VALUES),
            ),
          };
        else if (r < 0.5 && key === 'csvCustomColumns') raw.csvCustomColumns = [{ header: pick(VALUES), field: pick(VALUES) }];
        else raw[key] = structuredClone(pick(VALUES));
      }
      const read = readStoredSettings(raw);
      expect(read, JSON.stringify(raw)).toEqual(parseStoredSettings(raw));
      if (JSON.stringify(read) === JSON.stringify(DEFAULT_SETTINGS)) fellBack++;
    }
    // Both outcomes were exercised many times.
    expect(fellBack).toBeGreaterThan(300);
    expect(fellBack).toBeLessThan(2700);
  });
});
