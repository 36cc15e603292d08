import { z } from '../validation/zod';
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

const text = (max: number) => z._default(z.string().check(z.maxLength(max)), '');

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

export const csvColumnSchema = z.object({
  header: z.string().check(z.minLength(1), z.maxLength(CSV_COLUMN_TEXT_MAX)),
  field: z.string().check(z.minLength(1), z.maxLength(CSV_COLUMN_TEXT_MAX)),
});

/**
 * The daily shipping run (issue 14): default print profile per format (PDF labels, ZPL, print
 * view), the label order, per-CSV-preset options and the morning ship-by notice.
 */
export const shippingRunSchema = z.object({
  pdfProfile: z._default(z.enum(PDF_PROFILE_IDS), 'label-4x6'),
  zplProfile: z._default(z.enum(ZPL_PROFILE_IDS), 'zpl-4x6-203'),
  printProfile: z._default(z.enum(PDF_PROFILE_IDS), 'label-4x6'),
  sortBy: z._default(z.enum(LABEL_SORT_KEYS), 'selection'),
  /** Print the run last-first, so the first label lies on top of a face-up stack. */
  reverseStack: z._default(z.boolean(), false),
  /** CSV presets whose files leave the buyer's e-mail and phones out. */
  csvOmitContact: z._default(z.array(z.enum(CSV_PRESET_IDS)).check(z.maxLength(CSV_PRESET_IDS.length)), []),
  /** Formats whose carrier or printer takes Latin letters only (the pre-check flags other scripts): CSV presets and ZPL. */
  latinOnlyFormats: z._default(z.array(z.enum(LATIN_ONLY_FORMAT_IDS)).check(z.maxLength(LATIN_ONLY_FORMAT_IDS.length)), []),
  /** A notification in the morning when orders are due to ship today or overdue. */
  shipByMorningNotice: z._default(z.boolean(), false),
});

/**
 * All seller settings, one schema (stored in storage.local under `settings`).
 * Parsing fills defaults, so older stored objects upgrade in place.
 */
export const settingsSchema = z.object({
  retentionDays: z._default(z.number().check(z.int(), z.gte(1), z.lte(MAX_RETENTION_DAYS)), MAX_RETENTION_DAYS),
  /** Idle minutes before auto-lock; 0 = only when the browser closes. */
  autoLockMinutes: z._default(z.number().check(z.int(), z.gte(0), z.lte(AUTO_LOCK_MAX_MINUTES)), 15),
  returnAddress: z._default(returnAddressSchema, returnAddressSchema.parse({})),
  csvCustomColumns: z._default(z.array(csvColumnSchema).check(z.maxLength(CSV_COLUMNS_MAX)), []),
  labelSheetLayout: z._default(z.enum(LABEL_SHEET_LAYOUTS), '4up'),
  /**
   * Cookie use: the extension reads seller-center responses that the page fetched with the
   * seller's login cookies (it never reads, stores or sends a cookie value itself, and has no
   * `cookies` permission). Turning this off stops every feature relying on them: capture from
   * pages and any fetch made with the seller's session (policy: features relying on cookies stop).
   */
  allowSellerCenterCookies: z._default(z.boolean(), true),
  /**
   * Bulk fetch (issue 12): the extension itself asks the seller center for addresses with the
   * seller's session cookies. Off until the seller turns it on, and only while cookie use is
   * allowed (docs/decisions.md "Bulk fetch is a second, explicit opt-in").
   */
  allowBulkAddressFetch: z._default(z.boolean(), false),
  showInPageBanner: z._default(z.boolean(), true),
  shippingRun: z._default(shippingRunSchema, shippingRunSchema.parse({})),
  /** Extension pages' language: the browser's ('auto') or a manual choice (issue 15). */
  uiLanguage: z._default(z.enum(UI_LANGUAGES), 'auto'),
  /**
   * Data minimization (issue 15): buyer fields a label does not need are not captured unless the
   * seller turns them on. A field turned off is stripped before sealing and removed from every
   * stored record at once (privacy/capture-fields re-seals them).
   */
  captureBuyerEmail: z._default(z.boolean(), false),
  captureBackupPhone: z._default(z.boolean(), false),
  /** 'opened': only orders the seller opens; 'list': also addresses a list page carries. */
  captureScope: z._default(z.enum(CAPTURE_SCOPES), 'opened'),
  /** The popup's set-up checklist was dismissed by the seller. */
  onboardingChecklistHidden: z._default(z.boolean(), false),
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
 * zod 4 applies a field's default inside `partial()`, so `z.partial(settingsSchema)` turned
 * `{ labelSheetLayout }` into a patch of every setting at its default (issue 15: found when the
 * popup's "hide checklist" reset the seller's choices). zod/mini has no `unwrap()`; a default's
 * inner schema is in its definition, `_zod.def.innerType` (zod 4's documented internals).
 */
export const settingsPatchSchema = z.object(
  Object.fromEntries(Object.entries(settingsSchema.shape).map(([key, field]) => [key, z.optional(field._zod.def.innerType)])) as {
    [K in keyof SettingsShape]: z.ZodMiniOptional<SettingsShape[K]['_zod']['def']['innerType']>;
  },
);
export type SettingsPatch = z.infer<typeof settingsPatchSchema>;
