import { POLICY_VERSION } from '../policy/policy-document';
import type { ConsentMap, ShopConsent } from './consent-schema';

/**
 * The stored consent map read WITHOUT zod, for the seller-center content script (issue 11: it loads
 * on every seller-center page and must stay small). It accepts exactly what `consentMapSchema`
 * accepts and returns the same map (consent-read.test.ts compares the two on every case and on
 * random mutations); the background keeps reading through zod (consent-schema.ts). Limits live
 * here once and the schema is built from them.
 */
export const SHOP_ID_PATTERN = /^[0-9A-Za-z_-]{1,40}$/;
export const DISPLAY_NAME_MAX = 100;
export const POLICY_VERSION_MAX = 20;

/**
 * Authorized = consent given under the current privacy-policy version. A new policy version asks
 * the seller again (policy: "changes are announced; the user sees the change") before capture resumes.
 */
export function isShopAuthorized(map: ConsentMap, shopId: string | null | undefined, policyVersion = POLICY_VERSION): boolean {
  return !!shopId && Object.hasOwn(map, shopId) && map[shopId]!.policyVersion === policyVersion;
}

/** Same result as `parseConsentMap`: a damaged map (any bad entry) reads as no consent at all. */
export function readConsentMap(raw: unknown): ConsentMap {
  const input = raw ?? {};
  if (!isPlainObject(input)) return {};
  const out: ConsentMap = {};
  for (const key of Reflect.ownKeys(input)) {
    if (key === '__proto__' || !Object.prototype.propertyIsEnumerable.call(input, key)) continue;
    if (typeof key !== 'string') return {};
    const entry = readShopConsent((input as Record<string, unknown>)[key]);
    if (!entry) return {};
    out[key] = entry;
  }
  return out;
}

function readShopConsent(raw: unknown): ShopConsent | null {
  // The schema's preprocess: entries stored before 2026-12 spell displayName `label`.
  const value = raw && typeof raw === 'object' && !('displayName' in raw) && 'label' in raw ? { ...raw, displayName: (raw as { label: unknown }).label } : raw;
  if (!isObject(value)) return null;
  const { shopId, displayName = '', authorizedAt, policyVersion } = value as Record<string, unknown>;
  if (typeof shopId !== 'string' || !SHOP_ID_PATTERN.test(shopId)) return null;
  if (typeof displayName !== 'string' || displayName.length > DISPLAY_NAME_MAX) return null;
  if (typeof authorizedAt !== 'number' || !Number.isFinite(authorizedAt)) return null;
  if (typeof policyVersion !== 'string' || policyVersion.length > POLICY_VERSION_MAX) return null;
  return { shopId, displayName, authorizedAt, policyVersion };
}

/** zod's object test: an object that is not an array. */
export function isObject(value: unknown): value is object {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** zod's record test (util.isPlainObject): an object whose constructor, if any, looks like Object. */
function isPlainObject(value: unknown): value is object {
  if (!isObject(value)) return false;
  const ctor = (value as { constructor?: unknown }).constructor;
  if (ctor === undefined || typeof ctor !== 'function') return true;
  const proto: unknown = ctor.prototype;
  return isObject(proto) && Object.hasOwn(proto, 'isPrototypeOf');
}
