/**
 * Seller-center time values → exact instants (epoch ms). Rules:
 * - Numbers (unix s below 1e11, else ms; also 9–13 digit strings) are exact and preferred.
 * - Strings are wall-clock times. Their zone is, in order: an offset written in the string
 *   ("+08:00", "GMT+8", "(UTC+5)"), then a zone abbreviation in it ("PKT"), then the zone the
 *   page asked for (request body / URL `timeZone`), as `utcOffsetMinutes`.
 * - Buyer data must be deleted 28 days after the TRUE shipping instant, never later. So when the
 *   zone is not known for sure (ambiguous abbreviation like CST, unknown abbreviation, no zone
 *   at all) we take the EARLIEST reading — the largest plausible offset (UTC+14 when any zone
 *   is possible) — and flag `uncertain: true`. A date without a time reads as 00:00, flagged too.
 * - Sign convention: `utcOffsetMinutes` = minutes EAST of UTC (UTC+8 → 480, UTC-5 → -300), as in
 *   ISO 8601; instant = wall clock read as UTC − offset. Never Date#getTimezoneOffset's sign.
 */
import { isUtcOffsetMinutes, MAX_UTC_OFFSET_MINUTES, parseUtcOffsetSpec } from './utc-offset';
import { offsetsForZoneAbbreviation } from './zone-abbreviations';

/** The zone the page asked the seller center to write its strings in; null = not known. */
export interface PageZone {
  readonly utcOffsetMinutes: number | null;
}

/** `at`: epoch ms. `uncertain`: `at` is the earliest plausible reading, the true instant may be later. */
export interface SellerCenterInstant {
  readonly at: number;
  readonly uncertain: boolean;
}

export type SellerCenterTime = SellerCenterInstant | null;

export const UNKNOWN_ZONE: PageZone = Object.freeze({ utcOffsetMinutes: null });

/** The offset that gives the earliest reading of a wall-clock time when any zone is possible. */
export const EARLIEST_UTC_OFFSET_MINUTES = MAX_UTC_OFFSET_MINUTES;

/** Earlier readings are "not set" placeholders (0, "1970-01-01 08:00:00", "0001-01-01"), not times. */
export const MIN_PLAUSIBLE_MS = Date.UTC(2000, 0, 1);
/** Readings from the year 10000 on are junk too (a far-future time would postpone a purge forever). */
export const MAX_PLAUSIBLE_MS = Date.UTC(10000, 0, 1);

/** Below this a number is unix seconds (1e11 s is the year 5138; 1e11 ms is 1973). */
const SECONDS_LIMIT = 1e11;
/** Longer strings (after trimming) are not times; checked before any regex runs. */
const MAX_STRING_LENGTH = 64;
/** Untrimmed strings above this are not even trimmed (DOM text may carry indentation). */
const MAX_RAW_LENGTH = 4096;
/** pickSellerCenterTime looks at no more candidates than this. */
const MAX_CANDIDATES = 64;

interface WallClock {
  readonly year: number;
  readonly month: number; // 1–12
  readonly day: number;
  readonly hour: number;
  readonly minute: number;
  readonly second: number;
  readonly millisecond: number;
  /** False for a bare date: 00:00 is then only the earliest reading of that day. */
  readonly timeWritten: boolean;
}

interface ZoneReading {
  readonly offset: number;
  readonly uncertain: boolean;
}

/** No zone in the string: the page zone applies. */
const NO_ZONE = 'none';

const exact = (offset: number): ZoneReading => ({ offset, uncertain: false });
const earliestOf = (offsets: readonly number[]): ZoneReading => ({ offset: Math.max(...offsets), uncertain: true });

function instant(ms: number, uncertain: boolean): SellerCenterTime {
  if (!Number.isFinite(ms) || ms < MIN_PLAUSIBLE_MS || ms >= MAX_PLAUSIBLE_MS) return null;
  return { at: ms, uncertain };
}

/** Unix seconds (below 1e11) or milliseconds → exact instant. Non-positive, NaN, before 2000 → null. */
export function timeFromNumber(n: number): SellerCenterTime {
  if (typeof n !== 'number' || !Number.isFinite(n) || n <= 0) return null;
  return instant(Math.round(n < SECONDS_LIMIT ? n * 1000 : n), false);
}

function pageOffset(zone: PageZone): number | null {
  if (typeof zone !== 'object' || zone === null) return null;
  const offset = zone.utcOffsetMinutes;
  return isUtcOffsetMinutes(offset) ? offset : null;
}

const ABBREVIATION = /^(?:[A-Z]{2,5}|ChST)$/;
const TRAILING_PARENS = /\(([^()]*)\)$/;

/**
 * The zone written after the time: "", "Z", "+08:00", "GMT+8", "UTC", "PKT", "PKT(UTC+5)",
 * "(UTC-08:00)". NO_ZONE when nothing is written, null when what is written is not a zone.
 */
function readWrittenZone(rest: string): ZoneReading | typeof NO_ZONE | null {
  let s = rest.trim();
  if (s === '') return NO_ZONE;
  let inParens: number | null = null;
  const parens = TRAILING_PARENS.exec(s);
  if (parens) {
    inParens = parseUtcOffsetSpec(parens[1]);
    if (inParens === null) return null;
    s = s.slice(0, parens.index).trim();
    if (s === '') return exact(inParens);
  }
  const offset = parseUtcOffsetSpec(s);
  if (offset !== null) {
    // Two numeric offsets that disagree: nothing says which is true.
    return inParens === null || inParens === offset ? exact(offset) : earliestOf([offset, inParens]);
  }
  // An abbreviation stands apart from the time ("4:16 pm GMT"); "12:00:00ZZ" is junk.
  if (!ABBREVIATION.test(s) || !/^\s/.test(rest)) return null;
  // A numeric offset beats the abbreviation (pages write "PST" all year, "(UTC-7)" is the truth).
  if (inParens !== null) return exact(inParens);
  const offsets = offsetsForZoneAbbreviation(s);
  if (offsets === null) return { offset: EARLIEST_UTC_OFFSET_MINUTES, uncertain: true }; // unknown: any zone
  return offsets.length === 1 ? exact(offsets[0]!) : earliestOf(offsets);
}

function compose(wall: WallClock, rest: string, zone: PageZone): SellerCenterTime {
  const { year, month, day, hour, minute, second, millisecond } = wall;
  const asUtc = Date.UTC(year, month - 1, day, hour, minute, second, millisecond);
  if (!Number.isFinite(asUtc)) return null;
  // Date.UTC rolls Feb 30 over to Mar 2 and 25:00 to 01:00 the next day: reading the fields back catches it.
  const check = new Date(asUtc);
  if (
    check.getUTCFullYear() !== year ||
    check.getUTCMonth() !== month - 1 ||
    check.getUTCDate() !== day ||
    check.getUTCHours() !== hour ||
    check.getUTCMinutes() !== minute ||
    check.getUTCSeconds() !== second
  ) {
    return null;
  }
  const written = readWrittenZone(rest);
  if (written === null) return null;
  let reading: ZoneReading;
  if (written !== NO_ZONE) {
    reading = written;
  } else {
    const page = pageOffset(zone);
    reading = page === null ? { offset: EARLIEST_UTC_OFFSET_MINUTES, uncertain: true } : exact(page);
  }
  return instant(asUtc - reading.offset * 60_000, reading.uncertain || !wall.timeWritten);
}

function fractionToMs(fraction: string | undefined): number {
  return fraction === undefined ? 0 : Number(fraction.slice(0, 3).padEnd(3, '0'));
}

// 2026-08-21, 2026/08/21, 2026-08-21 12:00, 2026-08-21 12:00:00(.123), 2026-08-21T12:00:00Z, …+08:00; then an optional zone.
const NUMERIC_DATE = /^(\d{4})([-/])(\d{1,2})\2(\d{1,2})(?:[T ](\d{1,2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?)?(.*)$/i;

function readNumericDate(s: string, zone: PageZone): SellerCenterTime {
  const m = NUMERIC_DATE.exec(s);
  if (!m) return null;
  const timeWritten = m[5] !== undefined;
  return compose(
    {
      year: Number(m[1]),
      month: Number(m[3]),
      day: Number(m[4]),
      hour: Number(m[5] ?? 0),
      minute: Number(m[6] ?? 0),
      second: Number(m[7] ?? 0),
      millisecond: fractionToMs(m[8]),
      timeWritten,
    },
    m[9] ?? '',
    zone,
  );
}

const MONTHS: ReadonlyMap<string, number> = new Map(
  ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'].flatMap((name, i): [string, number][] => [
    [name, i + 1],
    [name.slice(0, 3), i + 1],
    ...(name === 'september' ? [['sept', 9] as [string, number]] : []),
  ]),
);
const WEEKDAY = /^(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)\.?$|^(?:mon|tues|wednes|thurs|fri|satur|sun)day$/i;

// Optional time: " 4:16 pm", ", 12:01 a.m.", " at 16:16:05"; the am/pm must not run into a word ("12:01 AMT").
const TIME = String.raw`(?:,? (?:at )?(\d{1,2}):(\d{2})(?::(\d{2}))?(?: ?([ap])\.?m\.?(?![a-z]))?)?`;
const WEEKDAY_PREFIX = String.raw`(?:([a-z]{3,9}\.?),? )?`;
// "Aug 21, 2026, 12:01 am PKT", "August 21 2026 4:16 PM", "Fri, Aug 21, 2026, …"
const MONTH_DAY_YEAR = new RegExp(String.raw`^${WEEKDAY_PREFIX}([a-z]{3,9})\.? (\d{1,2}),? (\d{4})${TIME}(.*)$`, 'i');
// "21 Aug 2026, 12:01 am PKT", "Fri 21 August 2026 16:16 GMT"
const DAY_MONTH_YEAR = new RegExp(String.raw`^${WEEKDAY_PREFIX}(\d{1,2}) ([a-z]{3,9})\.?,? (\d{4})${TIME}(.*)$`, 'i');

function readEnglishDate(s: string, zone: PageZone): SellerCenterTime {
  let weekday: string | undefined;
  let monthName: string | undefined;
  let dayText: string | undefined;
  let m = MONTH_DAY_YEAR.exec(s);
  if (m) {
    [, weekday, monthName, dayText] = m;
  } else {
    m = DAY_MONTH_YEAR.exec(s);
    if (!m) return null;
    [, weekday, dayText, monthName] = m;
  }
  const time = m.slice(5, 9);
  const year = Number(m[4]);
  const rest = m[9] ?? '';
  if (weekday !== undefined && !WEEKDAY.test(weekday)) return null;
  const month = MONTHS.get((monthName ?? '').toLowerCase());
  if (month === undefined) return null;
  const [hourText, minuteText, secondText, meridiem] = time;
  let hour = Number(hourText ?? 0);
  if (meridiem !== undefined) {
    // 12 am = 00, 12 pm = 12 (0 am / 0 pm from h11 clocks too).
    if (hour > 12) return null;
    hour = (hour % 12) + (meridiem.toLowerCase() === 'p' ? 12 : 0);
  }
  return compose(
    {
      year,
      month,
      day: Number(dayText),
      hour,
      minute: Number(minuteText ?? 0),
      second: Number(secondText ?? 0),
      millisecond: 0,
      timeWritten: hourText !== undefined,
    },
    rest,
    zone,
  );
}

const DIGITS = /^\d{9,13}$/;

/**
 * One seller-center time value → instant, or null when it is not a usable time. Never throws.
 * `zone` is the page's zone, used only for strings that write no zone of their own.
 */
export function readSellerCenterTime(value: unknown, zone: PageZone): SellerCenterTime {
  try {
    if (typeof value === 'number') return timeFromNumber(value);
    if (typeof value === 'bigint') return value > 0n && value <= BigInt(Number.MAX_SAFE_INTEGER) ? timeFromNumber(Number(value)) : null;
    if (typeof value !== 'string' || value.length > MAX_RAW_LENGTH) return null;
    // \s covers NBSP and U+202F, which Intl puts before "PM".
    const trimmed = value.trim();
    if (trimmed === '' || trimmed.length > MAX_STRING_LENGTH) return null;
    const s = trimmed.replace(/\s+/g, ' ');
    if (DIGITS.test(s)) return timeFromNumber(Number(s));
    return /^\d{4}[-/]/.test(s) ? readNumericDate(s, zone) : readEnglishDate(s, zone);
  } catch {
    return null;
  }
}

/** The first usable candidate, in the order given (callers list the exact numbers first). Never throws. */
export function pickSellerCenterTime(candidates: readonly unknown[], zone: PageZone): SellerCenterTime {
  try {
    if (!Array.isArray(candidates)) return null;
    const count = Math.min(candidates.length, MAX_CANDIDATES);
    for (let i = 0; i < count; i++) {
      const t = readSellerCenterTime(candidates[i], zone);
      if (t !== null) return t;
    }
    return null;
  } catch {
    return null;
  }
}
