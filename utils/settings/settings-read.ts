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

/** Every settings key this reader checks (the test holds it equal to the schema's keys). */
export const READ_SETTINGS_KEYS = [
  'retentionDays',
  'autoLockMinutes',
  'returnAddress',
  'csvCustomColumns',
  'labelSheetLayout',
  'allowSellerCenterCookies',
  'showInPageBanner',
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
    showInPageBanner: true,
    uiLanguage: 'auto',
    captureBuyerEmail: false,
    captureBackupPhone: false,
    captureScope: 'opened',
    onboardingChecklistHidden: false,
  };
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
  const showInPageBanner = bool(s.showInPageBanner, defaults.showInPageBanner);
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
    showInPageBanner === INVALID ||
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
    showInPageBanner,
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

/** zod's `z.enum(values).default(fallback)`. */
function oneOf<T extends string>(v: unknown, values: readonly T[], fallback: T): Checked<T> {
  if (v === undefined) return fallback;
  return (values as readonly unknown[]).includes(v) ? (v as T) : INVALID;
}

function bool(v: unknown, fallback: boolean): Checked<boolean> {
  if (v === undefined) return fallback;
  return typeof v === 'boolean' ? v : INVALID;
}

function isObject(value: unknown): value is object {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
