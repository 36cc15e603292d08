import { z } from 'zod';
import { MAX_RETENTION_DAYS } from '../policy/policy-document';
import { AUTO_LOCK_MAX_MINUTES, CAPTURE_SCOPES, CSV_COLUMN_TEXT_MAX, CSV_COLUMNS_MAX, LABEL_SHEET_LAYOUTS, RETURN_ADDRESS_MAX, UI_LANGUAGES } from './settings-read';

const text = (max: number) => z.string().max(max).default('');

/** Seller's own ship-from address for labels (the seller's business address, not buyer PII). */
export const returnAddressSchema = z.object({
  name: text(RETURN_ADDRESS_MAX.name),
  company: text(RETURN_ADDRESS_MAX.company),
  addressLine1: text(RETURN_ADDRESS_MAX.addressLine1),
  addressLine2: text(RETURN_ADDRESS_MAX.addressLine2),
  city: text(RETURN_ADDRESS_MAX.city),
  state: text(RETURN_ADDRESS_MAX.state),
  postcode: text(RETURN_ADDRESS_MAX.postcode),
  country: text(RETURN_ADDRESS_MAX.country),
  phone: text(RETURN_ADDRESS_MAX.phone),
});

export const csvColumnSchema = z.object({ header: z.string().min(1).max(CSV_COLUMN_TEXT_MAX), field: z.string().min(1).max(CSV_COLUMN_TEXT_MAX) });

/**
 * All seller settings, one schema (stored in storage.local under `settings`).
 * Parsing fills defaults, so older stored objects upgrade in place.
 */
export const settingsSchema = z.object({
  retentionDays: z.number().int().min(1).max(MAX_RETENTION_DAYS).default(MAX_RETENTION_DAYS),
  /** Idle minutes before auto-lock; 0 = only when the browser closes. */
  autoLockMinutes: z.number().int().min(0).max(AUTO_LOCK_MAX_MINUTES).default(15),
  returnAddress: returnAddressSchema.default(returnAddressSchema.parse({})),
  csvCustomColumns: z.array(csvColumnSchema).max(CSV_COLUMNS_MAX).default([]),
  labelSheetLayout: z.enum(LABEL_SHEET_LAYOUTS).default('4up'),
  /**
   * Cookie use: the extension reads seller-center responses that the page fetched with the
   * seller's login cookies (it never reads, stores or sends a cookie value itself, and has no
   * `cookies` permission). Turning this off stops every feature relying on them: capture from
   * pages and any fetch made with the seller's session (policy: features relying on cookies stop).
   */
  allowSellerCenterCookies: z.boolean().default(true),
  showInPageBanner: z.boolean().default(true),
  /** Extension pages' language: the browser's ('auto') or a manual choice (issue 15). */
  uiLanguage: z.enum(UI_LANGUAGES).default('auto'),
  /**
   * Data minimization (issue 15): buyer fields a label does not need are not captured unless the
   * seller turns them on. A field turned off is stripped before sealing and removed from every
   * stored record at once (privacy/capture-fields re-seals them).
   */
  captureBuyerEmail: z.boolean().default(false),
  captureBackupPhone: z.boolean().default(false),
  /** 'opened': only orders the seller opens; 'list': also addresses a list page carries. */
  captureScope: z.enum(CAPTURE_SCOPES).default('opened'),
  /** The popup's set-up checklist was dismissed by the seller. */
  onboardingChecklistHidden: z.boolean().default(false),
});
export type Settings = z.infer<typeof settingsSchema>;
export type ReturnAddress = z.infer<typeof returnAddressSchema>;

export const DEFAULT_SETTINGS: Settings = settingsSchema.parse({});

/** Tolerant read: bad stored values fall back to defaults instead of breaking the extension. */
export function parseStoredSettings(raw: unknown): Settings {
  const parsed = settingsSchema.safeParse(raw ?? {});
  return parsed.success ? parsed.data : DEFAULT_SETTINGS;
}

type SettingsShape = typeof settingsSchema.shape;
/**
 * Patch a setting at a time; each field is validated as in the full schema, WITHOUT its default:
 * zod 4 applies a field's default inside `.partial()`, so `settingsSchema.partial()` turned
 * `{ labelSheetLayout }` into a patch of every setting at its default (issue 15: found when the
 * popup's "hide checklist" reset the seller's choices).
 */
export const settingsPatchSchema = z.object(
  Object.fromEntries(Object.entries(settingsSchema.shape).map(([key, field]) => [key, field.unwrap().optional()])) as {
    [K in keyof SettingsShape]: z.ZodOptional<ReturnType<SettingsShape[K]['unwrap']>>;
  },
);
export type SettingsPatch = z.infer<typeof settingsPatchSchema>;
