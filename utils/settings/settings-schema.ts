import { z } from 'zod';
import { MAX_RETENTION_DAYS } from '../policy/policy-document';
import {
  AUTO_LOCK_MAX_MINUTES,
  CAPTURE_SCOPES,
  CSV_COLUMN_TEXT_MAX,
  CSV_COLUMNS_MAX,
  CSV_PRESET_IDS,
  LABEL_SHEET_LAYOUTS,
  LATIN_ONLY_FORMAT_IDS,
  LABEL_SORT_KEYS,
  PDF_PROFILE_IDS,
  RETURN_ADDRESS_MAX,
  UI_LANGUAGES,
  ZPL_PROFILE_IDS,
} from './settings-read';

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
 * The daily shipping run (issue 14): default print profile per format (PDF labels, ZPL, print
 * view), the label order, per-CSV-preset options and the morning ship-by notice.
 */
export const shippingRunSchema = z.object({
  pdfProfile: z.enum(PDF_PROFILE_IDS).default('label-4x6'),
  zplProfile: z.enum(ZPL_PROFILE_IDS).default('zpl-4x6-203'),
  printProfile: z.enum(PDF_PROFILE_IDS).default('label-4x6'),
  sortBy: z.enum(LABEL_SORT_KEYS).default('selection'),
  /** Print the run last-first, so the first label lies on top of a face-up stack. */
  reverseStack: z.boolean().default(false),
  /** CSV presets whose files leave the buyer's e-mail and phones out. */
  csvOmitContact: z.array(z.enum(CSV_PRESET_IDS)).max(CSV_PRESET_IDS.length).default([]),
  /** Formats whose carrier or printer takes Latin letters only (the pre-check flags other scripts): CSV presets and ZPL. */
  latinOnlyFormats: z.array(z.enum(LATIN_ONLY_FORMAT_IDS)).max(LATIN_ONLY_FORMAT_IDS.length).default([]),
  /** A notification in the morning when orders are due to ship today or overdue. */
  shipByMorningNotice: z.boolean().default(false),
});

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
  /**
   * Bulk fetch (issue 12): the extension itself asks the seller center for addresses with the
   * seller's session cookies. Off until the seller turns it on, and only while cookie use is
   * allowed (docs/decisions.md "Bulk fetch is a second, explicit opt-in").
   */
  allowBulkAddressFetch: z.boolean().default(false),
  showInPageBanner: z.boolean().default(true),
  shippingRun: shippingRunSchema.default(shippingRunSchema.parse({})),
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
export type ShippingRunSettings = z.infer<typeof shippingRunSchema>;

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
