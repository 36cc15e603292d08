/**
 * Fixed UTC offsets as the seller center writes them ("UTC+8", "UTC-5", "UTC+05:30",
 * "GMT+8", "+08:00", "UTC") and where the page states them: the order-list request body
 * (`timeZone: "UTC+8"`) and the orders page URL (`timeZone=UTC%2B8`).
 *
 * Sign convention (the only one in this code base): minutes EAST of UTC, as in ISO 8601.
 * UTC+8 → 480, UTC-5 → -300. Never Date#getTimezoneOffset's inverted sign.
 */

/** Westernmost offset in use (UTC-12:00, Baker Island). */
export const MIN_UTC_OFFSET_MINUTES = -12 * 60;
/** Easternmost offset in use (UTC+14:00, Kiribati Line Islands). */
export const MAX_UTC_OFFSET_MINUTES = 14 * 60;

/** Longer specs are junk; checked before any regex runs. */
const MAX_SPEC_LENGTH = 64;
/** Request bodies above this are not parsed for a zone. */
const MAX_BODY_LENGTH = 64 * 1024;
/** Page URLs above this are not searched for a zone. */
const MAX_URL_LENGTH = 8 * 1024;

const ZERO_SPEC = /^(?:UTC|GMT|UT|Z)$/i;
// Optional UTC/GMT/UT prefix, a sign (ASCII or U+2212 minus), 1–2 hour digits, optional [:]MM.
const OFFSET_SPEC = /^(?:(?:UTC|GMT|UT) ?)?([+\-\u2212]) ?(\d{1,2})(?::?(\d{2}))?$/i;

/** True for an integral offset inside UTC-12:00..UTC+14:00. */
export function isUtcOffsetMinutes(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= MIN_UTC_OFFSET_MINUTES && value <= MAX_UTC_OFFSET_MINUTES;
}

/**
 * "UTC+8" → 480, "UTC-5" → -300, "UTC+5:30" / "UTC+05:30" / "+0530" → 330, "GMT+8" → 480,
 * "+08:00" → 480, "UTC" / "GMT" / "Z" → 0. Anything else (numbers, IANA names, junk,
 * minutes ≥ 60, beyond UTC-12:00..UTC+14:00) → null.
 */
export function parseUtcOffsetSpec(spec: unknown): number | null {
  if (typeof spec !== 'string' || spec.length > MAX_SPEC_LENGTH) return null;
  const s = spec.trim();
  if (ZERO_SPEC.test(s)) return 0;
  const m = OFFSET_SPEC.exec(s);
  if (!m) return null;
  const hours = Number(m[2]);
  const minutes = m[3] === undefined ? 0 : Number(m[3]);
  if (minutes > 59) return null;
  const offset = (m[1] === '+' ? 1 : -1) * (hours * 60 + minutes) || 0; // `|| 0`: "UTC-0" is 0, not -0
  return isUtcOffsetMinutes(offset) ? offset : null;
}

/** The zone the order-list request asked for: `timeZone` / `time_zone` of a JSON string or object body. */
export function zoneFromRequestBody(body: unknown): number | null {
  try {
    let parsed: unknown = body;
    if (typeof body === 'string') {
      if (body.length > MAX_BODY_LENGTH) return null;
      parsed = JSON.parse(body);
    }
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return null;
    const record = parsed as Record<string, unknown>;
    const spec = Object.hasOwn(record, 'timeZone') ? record.timeZone : Object.hasOwn(record, 'time_zone') ? record.time_zone : undefined;
    return parseUtcOffsetSpec(spec);
  } catch {
    return null; // malformed JSON, throwing getters, revoked proxies
  }
}

// `timeZone=` (also time_zone / timezone) in the query or in a hash route's query (#/orders?timeZone=…).
const URL_ZONE_PARAM = /[?&#]time_?zone=([^&#]*)/gi;

/**
 * The zone of the orders page URL: `timeZone=UTC%2B8` → 480. The raw value is decoded with
 * decodeURIComponent, so an unencoded `timeZone=UTC+8` stays "+8" (URLSearchParams would turn
 * the "+" into a space). First parameter that parses wins.
 */
export function zoneFromPageUrl(href: string): number | null {
  if (typeof href !== 'string' || href.length > MAX_URL_LENGTH) return null;
  for (const m of href.matchAll(URL_ZONE_PARAM)) {
    let value: string;
    try {
      value = decodeURIComponent(m[1] ?? '');
    } catch {
      continue; // malformed percent-encoding
    }
    const offset = parseUtcOffsetSpec(value);
    if (offset !== null) return offset;
  }
  return null;
}
