import { MAX_RETENTION_DAYS } from '../policy/policy-document';
import type { ReturnAddress, Settings } from './settings-schema';

/**
 * Stored settings read WITHOUT zod, for the seller-center content script (issue 11: it loads on
 * every seller-center page and must stay small). Same result as `parseStoredSettings`, including
 * its fallback (any bad value: all defaults); settings-read.test.ts compares the two on every case
 * and on random mutations, and fails when the schema gains a field this file does not know. The
 * background keeps reading through zod (settings-schema.ts), which is built from these limits.
 */
export const RETURN_ADDRESS_MAX = {
  name: 200,
  company: 200,
  addressLine1: 300,
  addressLine2: 300,
  city: 200,
  state: 200,
  postcode: 40,
  country: 200,
  phone: 100,
} as const;
type ReturnAddressField = keyof typeof RETURN_ADDRESS_MAX;
export const AUTO_LOCK_MAX_MINUTES = 240;
export const CSV_COLUMNS_MAX = 60;
export const CSV_COLUMN_TEXT_MAX = 100;
export const LABEL_SHEET_LAYOUTS = ['4up', '2up'] as const;
/** 'auto' follows the browser's UI language (issue 15); the others override it on extension pages. */
export const UI_LANGUAGES = ['auto', 'en', 'zh_CN'] as const;
/**
 * Which seller-center pages may hand addresses over (issue 15, privacy settings): 'opened' only the
 * order the seller opens (address query, order detail); 'list' also the addresses a list page carries.
 */
export const CAPTURE_SCOPES = ['opened', 'list'] as const;

/**
 * What the shipping run (issue 14) may store: print profiles (their meaning is in
 * utils/export/print-profiles.ts), label sort keys (utils/export/label-order.ts) and the CSV
 * presets. Listed here, with the reader, so the schema and this reader share one list.
 */
export const PDF_PROFILE_IDS = ['label-4x6', 'label-4x8', 'label-a6', 'label-100x150', 'a4-2up', 'a4-4up', 'letter-2up', 'letter-4up'] as const;
export const ZPL_PROFILE_IDS = ['zpl-4x6-203', 'zpl-4x6-300', 'zpl-4x8-203', 'zpl-4x8-300', 'zpl-100x150-203', 'zpl-100x150-300', 'zpl-a6-203', 'zpl-a6-300'] as const;
export const LABEL_SORT_KEYS = ['selection', 'sku', 'shipBy', 'orderTime', 'orderSn'] as const;
export const CSV_PRESET_IDS = ['generic', 'shippingeasy', 'shipandco', 'custom'] as const;
/** Formats the seller can mark as Latin-only: the CSV presets, and ZPL (printer font 0 has no CJK, Greek or Cyrillic). */
export const LATIN_ONLY_FORMAT_IDS = [...CSV_PRESET_IDS, 'zpl'] as const;
type ShippingRun = Settings['shippingRun'];

/** Every settings key this reader checks (the test holds it equal to the schema's keys). */
export const READ_SETTINGS_KEYS = [
  'retentionDays',
  'autoLockMinutes',
  'returnAddress',
  'csvCustomColumns',
  'labelSheetLayout',
  'allowSellerCenterCookies',
  'allowBulkAddressFetch',
  'showInPageBanner',
  'shippingRun',
  'uiLanguage',
  'captureBuyerEmail',
  'captureBackupPhone',
  'captureScope',
  'onboardingChecklistHidden',
] as const satisfies readonly (keyof Settings)[];

export function defaultSettings(): Settings {
  return {
    retentionDays: MAX_RETENTION_DAYS,
    autoLockMinutes: 15,
    returnAddress: emptyReturnAddress(),
    csvCustomColumns: [],
    labelSheetLayout: '4up',
    allowSellerCenterCookies: true,
    allowBulkAddressFetch: false,
    showInPageBanner: true,
    shippingRun: defaultShippingRun(),
    uiLanguage: 'auto',
    captureBuyerEmail: false,
    captureBackupPhone: false,
    captureScope: 'opened',
    onboardingChecklistHidden: false,
  };
}

function defaultShippingRun(): ShippingRun {
  return {
    pdfProfile: 'label-4x6',
    zplProfile: 'zpl-4x6-203',
    printProfile: 'label-4x6',
    sortBy: 'selection',
    reverseStack: false,
    csvOmitContact: [],
    latinOnlyFormats: [],
    shipByMorningNotice: false,
  };
}

/** zod's `z.enum(list).default(fallback)`. */
function oneOf<T extends string>(v: unknown, list: readonly T[], fallback: T): Checked<T> {
  if (v === undefined) return fallback;
  return (list as readonly unknown[]).includes(v) ? (v as T) : INVALID;
}

/** zod's `z.array(z.enum(list)).max(list.length).default([])`. */
function subsetOf<T extends string>(v: unknown, list: readonly T[]): Checked<T[]> {
  if (v === undefined) return [];
  if (!Array.isArray(v) || v.length > list.length || !v.every((x) => (list as readonly unknown[]).includes(x))) return INVALID;
  return [...v] as T[];
}

function checkShippingRun(value: unknown): Checked<ShippingRun> {
  if (value === undefined) return defaultShippingRun();
  if (!isObject(value)) return INVALID;
  const v = value as Record<string, unknown>;
  const d = defaultShippingRun();
  const run = {
    pdfProfile: oneOf(v.pdfProfile, PDF_PROFILE_IDS, d.pdfProfile),
    zplProfile: oneOf(v.zplProfile, ZPL_PROFILE_IDS, d.zplProfile),
    printProfile: oneOf(v.printProfile, PDF_PROFILE_IDS, d.printProfile),
    sortBy: oneOf(v.sortBy, LABEL_SORT_KEYS, d.sortBy),
    reverseStack: bool(v.reverseStack, d.reverseStack),
    csvOmitContact: subsetOf(v.csvOmitContact, CSV_PRESET_IDS),
    latinOnlyFormats: subsetOf(v.latinOnlyFormats, LATIN_ONLY_FORMAT_IDS),
    shipByMorningNotice: bool(v.shipByMorningNotice, d.shipByMorningNotice),
  };
  return Object.values(run).includes(INVALID) ? INVALID : (run as ShippingRun);
}

/** Same result as `parseStoredSettings(raw)`. */
export function readStoredSettings(raw: unknown): Settings {
  return checkSettings(raw ?? {}) ?? defaultSettings();
}

const INVALID = Symbol('invalid');
type Checked<T> = T | typeof INVALID;

function checkSettings(input: unknown): Settings | null {
  if (!isObject(input)) return null;
  const s = input as Record<string, unknown>;
  const defaults = defaultSettings();
  const retentionDays = intIn(s.retentionDays, 1, MAX_RETENTION_DAYS, defaults.retentionDays);
  const autoLockMinutes = intIn(s.autoLockMinutes, 0, AUTO_LOCK_MAX_MINUTES, defaults.autoLockMinutes);
  const returnAddress = s.returnAddress === undefined ? defaults.returnAddress : checkReturnAddress(s.returnAddress);
  const csvCustomColumns = s.csvCustomColumns === undefined ? defaults.csvCustomColumns : checkColumns(s.csvCustomColumns);
  const labelSheetLayout =
    s.labelSheetLayout === undefined
      ? defaults.labelSheetLayout
      : (LABEL_SHEET_LAYOUTS as readonly unknown[]).includes(s.labelSheetLayout)
        ? (s.labelSheetLayout as Settings['labelSheetLayout'])
        : INVALID;
  const allowSellerCenterCookies = bool(s.allowSellerCenterCookies, defaults.allowSellerCenterCookies);
  const allowBulkAddressFetch = bool(s.allowBulkAddressFetch, defaults.allowBulkAddressFetch);
  const showInPageBanner = bool(s.showInPageBanner, defaults.showInPageBanner);
  const shippingRun = checkShippingRun(s.shippingRun);
  const uiLanguage = oneOf(s.uiLanguage, UI_LANGUAGES, defaults.uiLanguage);
  const captureBuyerEmail = bool(s.captureBuyerEmail, defaults.captureBuyerEmail);
  const captureBackupPhone = bool(s.captureBackupPhone, defaults.captureBackupPhone);
  const captureScope = oneOf(s.captureScope, CAPTURE_SCOPES, defaults.captureScope);
  const onboardingChecklistHidden = bool(s.onboardingChecklistHidden, defaults.onboardingChecklistHidden);
  if (
    retentionDays === INVALID ||
    autoLockMinutes === INVALID ||
    returnAddress === INVALID ||
    csvCustomColumns === INVALID ||
    labelSheetLayout === INVALID ||
    allowSellerCenterCookies === INVALID ||
    allowBulkAddressFetch === INVALID ||
    showInPageBanner === INVALID ||
    shippingRun === INVALID ||
    uiLanguage === INVALID ||
    captureBuyerEmail === INVALID ||
    captureBackupPhone === INVALID ||
    captureScope === INVALID ||
    onboardingChecklistHidden === INVALID
  ) {
    return null;
  }
  return {
    retentionDays,
    autoLockMinutes,
    returnAddress,
    csvCustomColumns,
    labelSheetLayout,
    allowSellerCenterCookies,
    allowBulkAddressFetch,
    showInPageBanner,
    shippingRun,
    uiLanguage,
    captureBuyerEmail,
    captureBackupPhone,
    captureScope,
    onboardingChecklistHidden,
  };
}

function emptyReturnAddress(): ReturnAddress {
  return { name: '', company: '', addressLine1: '', addressLine2: '', city: '', state: '', postcode: '', country: '', phone: '' };
}

function checkReturnAddress(value: unknown): Checked<ReturnAddress> {
  if (!isObject(value)) return INVALID;
  const address = emptyReturnAddress();
  for (const key of Object.keys(RETURN_ADDRESS_MAX) as ReturnAddressField[]) {
    const v = (value as Record<string, unknown>)[key];
    if (v === undefined) continue;
    if (typeof v !== 'string' || v.length > RETURN_ADDRESS_MAX[key]) return INVALID;
    address[key] = v;
  }
  return address;
}

function checkColumns(value: unknown): Checked<Settings['csvCustomColumns']> {
  if (!Array.isArray(value) || value.length > CSV_COLUMNS_MAX) return INVALID;
  const columns: Settings['csvCustomColumns'] = [];
  for (const column of value) {
    if (!isObject(column)) return INVALID;
    const { header, field } = column as Record<string, unknown>;
    if (!isColumnText(header) || !isColumnText(field)) return INVALID;
    columns.push({ header, field });
  }
  return columns;
}

const isColumnText = (v: unknown): v is string => typeof v === 'string' && v.length >= 1 && v.length <= CSV_COLUMN_TEXT_MAX;

/** zod's `z.number().int().min(min).max(max).default(fallback)`. */
function intIn(v: unknown, min: number, max: number, fallback: number): Checked<number> {
  if (v === undefined) return fallback;
  return typeof v === 'number' && Number.isSafeInteger(v) && v >= min && v <= max ? v : INVALID;
}

function bool(v: unknown, fallback: boolean): Checked<boolean> {
  if (v === undefined) return fallback;
  return typeof v === 'boolean' ? v : INVALID;
}

function isObject(value: unknown): value is object {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
