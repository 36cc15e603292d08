/**
 * Seller-center times come as unix seconds, unix milliseconds, or zone-less
 * "YYYY-MM-DD HH:mm:ss" strings in the page's local time. All become epoch ms (UTC).
 */

/** Below this a number is unix seconds (1e11 s is the year 5138; 1e11 ms is 1973). */
const SECONDS_LIMIT = 1e11;

export function epochMsFromNumber(value: number): number | null {
  if (!Number.isFinite(value) || value <= 0) return null;
  return Math.round(value < SECONDS_LIMIT ? value * 1000 : value);
}

const LOCAL_TIME = /^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{2}):(\d{2})(?::(\d{2}))?)?$/;

/**
 * `tzOffsetMinutes` is Date#getTimezoneOffset of the browser that saw the string
 * (UTC minus local, e.g. -480 for UTC+8).
 */
export function epochMsFromLocalString(value: string, tzOffsetMinutes: number): number | null {
  const m = LOCAL_TIME.exec(value.trim());
  if (!m) {
    // Strings with an explicit zone (ISO 8601 with Z/offset) are unambiguous.
    if (/^\d{4}-\d{2}-\d{2}T.*(Z|[+-]\d{2}:?\d{2})$/.test(value.trim())) {
      const t = Date.parse(value);
      return Number.isFinite(t) ? t : null;
    }
    return null;
  }
  const [, y, mo, d, h = '0', mi = '0', s = '0'] = m;
  const utc = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s));
  if (!Number.isFinite(utc)) return null;
  return utc + tzOffsetMinutes * 60_000;
}

/** First usable time among candidates (number preferred over string, as listed by the caller). */
export function pickTime(candidates: readonly unknown[], tzOffsetMinutes: number): number | null {
  for (const c of candidates) {
    if (typeof c === 'number') {
      const t = epochMsFromNumber(c);
      if (t !== null) return t;
    } else if (typeof c === 'string' && c.trim() !== '') {
      const asNumber = /^\d{9,13}$/.test(c.trim()) ? epochMsFromNumber(Number(c)) : null;
      const t = asNumber ?? epochMsFromLocalString(c, tzOffsetMinutes);
      if (t !== null) return t;
    }
  }
  return null;
}
