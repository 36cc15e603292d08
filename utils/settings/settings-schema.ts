import { z } from 'zod';
import { MAX_RETENTION_DAYS } from '../policy/policy-document';

/** Seller's own ship-from address for labels (the seller's business address, not buyer PII). */
export const returnAddressSchema = z.object({
  name: z.string().max(200).default(''),
  company: z.string().max(200).default(''),
  addressLine1: z.string().max(300).default(''),
  addressLine2: z.string().max(300).default(''),
  city: z.string().max(200).default(''),
  state: z.string().max(200).default(''),
  postcode: z.string().max(40).default(''),
  country: z.string().max(200).default(''),
  phone: z.string().max(100).default(''),
});

export const csvColumnSchema = z.object({ header: z.string().min(1).max(100), field: z.string().min(1).max(100) });

/**
 * All seller settings, one schema (stored in storage.local under `settings`).
 * Parsing fills defaults, so older stored objects upgrade in place.
 */
export const settingsSchema = z.object({
  retentionDays: z.number().int().min(1).max(MAX_RETENTION_DAYS).default(MAX_RETENTION_DAYS),
  /** Idle minutes before auto-lock; 0 = only when the browser closes. */
  autoLockMinutes: z.number().int().min(0).max(240).default(15),
  returnAddress: returnAddressSchema.default(returnAddressSchema.parse({})),
  csvCustomColumns: z.array(csvColumnSchema).max(60).default([]),
  labelSheetLayout: z.enum(['4up', '2up']).default('4up'),
  /**
   * Cookie use: the extension reads seller-center responses that the page fetched with the
   * seller's cookies. Turning this off stops capture (policy: features relying on cookies stop).
   */
  allowSellerCenterCookies: z.boolean().default(true),
  showInPageBanner: z.boolean().default(true),
});
export type Settings = z.infer<typeof settingsSchema>;
export type ReturnAddress = z.infer<typeof returnAddressSchema>;

export const DEFAULT_SETTINGS: Settings = settingsSchema.parse({});

/** Tolerant read: bad stored values fall back to defaults instead of breaking the extension. */
export function parseStoredSettings(raw: unknown): Settings {
  const parsed = settingsSchema.safeParse(raw ?? {});
  return parsed.success ? parsed.data : DEFAULT_SETTINGS;
}

/** Patch a setting at a time; the patch is validated against the full schema. */
export const settingsPatchSchema = settingsSchema.partial();
export type SettingsPatch = z.infer<typeof settingsPatchSchema>;
