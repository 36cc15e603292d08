import { describe, expect, it } from 'vitest';
import { EARLIEST_UTC_OFFSET_MINUTES, MIN_PLAUSIBLE_MS, pickSellerCenterTime, readSellerCenterTime, timeFromNumber, UNKNOWN_ZONE, type PageZone } from './seller-center-time';
import { parseUtcOffsetSpec, zoneFromPageUrl, zoneFromRequestBody } from './utc-offset';

const zone = (utcOffsetMinutes: number | null): PageZone => ({ utcOffsetMinutes });
const UTC8 = zone(480);
const UTC_5 = zone(-300);

/** The reading as an ISO instant, so every expectation states the exact UTC time. */
function read(value: unknown, pageZone: PageZone = UNKNOWN_ZONE): { iso: string; uncertain: boolean } | null {
  const t = readSellerCenterTime(value, pageZone);
  return t && { iso: new Date(t.at).toISOString(), uncertain: t.uncertain };
}
const exactly = (iso: string) => ({ iso, uncertain: false });
const atEarliest = (iso: string) => ({ iso, uncertain: true });

describe('timeFromNumber', () => {
  it('reads unix seconds below 1e11 and milliseconds from 1e11 on', () => {
    expect(timeFromNumber(1_787_284_800)).toEqual({ at: 1_787_284_800_000, uncertain: false });
    expect(timeFromNumber(1_787_284_800_123)).toEqual({ at: 1_787_284_800_123, uncertain: false });
    expect(timeFromNumber(99_999_999_999)).toEqual({ at: 99_999_999_999_000, uncertain: false }); // seconds, year 5138
    expect(timeFromNumber(100_000_000_000 + MIN_PLAUSIBLE_MS)).toEqual({ at: 100_000_000_000 + MIN_PLAUSIBLE_MS, uncertain: false });
  });

  it('rounds fractional values to whole milliseconds', () => {
    expect(timeFromNumber(1_787_284_800.1234)).toEqual({ at: 1_787_284_800_123, uncertain: false });
    expect(timeFromNumber(1_787_284_800_123.6)).toEqual({ at: 1_787_284_800_124, uncertain: false });
  });

  it.each([0, -1, -1_787_284_800, Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY])('%d → null', (n) => {
    expect(timeFromNumber(n)).toBeNull();
  });

  it('treats readings before 2000 as unset placeholders and far-future ones as junk', () => {
    expect(timeFromNumber(1)).toBeNull(); // 1970-01-01T00:00:01Z
    expect(timeFromNumber(946_684_799)).toBeNull(); // 1999-12-31T23:59:59Z
    expect(timeFromNumber(946_684_800)).toEqual({ at: 946_684_800_000, uncertain: false }); // 2000-01-01T00:00:00Z
    expect(timeFromNumber(99_999_999_999)).not.toBeNull(); // seconds, still before 10000
    expect(timeFromNumber(8.64e15)).toBeNull(); // ms, year 275760
    expect(timeFromNumber(Number.MAX_VALUE)).toBeNull();
  });

  it('never throws on non-numbers', () => {
    expect(timeFromNumber('1787284800' as unknown as number)).toBeNull();
    expect(timeFromNumber(undefined as unknown as number)).toBeNull();
  });
});

describe('readSellerCenterTime: numbers and digit strings are exact and ignore every zone', () => {
  it.each([UNKNOWN_ZONE, UTC8, UTC_5])('zone %j', (z) => {
    expect(read(1_787_284_800, z)).toEqual(exactly('2026-08-21T04:00:00.000Z'));
    expect(read(1_787_284_800_000, z)).toEqual(exactly('2026-08-21T04:00:00.000Z'));
    expect(read('1787284800', z)).toEqual(exactly('2026-08-21T04:00:00.000Z'));
    expect(read('1787284800123', z)).toEqual(exactly('2026-08-21T04:00:00.123Z'));
    expect(read(' 1787284800 ', z)).toEqual(exactly('2026-08-21T04:00:00.000Z'));
    expect(read(1_787_284_800n, z)).toEqual(exactly('2026-08-21T04:00:00.000Z'));
  });

  it('takes 9 to 13 digits only', () => {
    expect(read('946684800')).toEqual(exactly('2000-01-01T00:00:00.000Z')); // 9 digits, seconds
    expect(read('99999999999')).toEqual(exactly('5138-11-16T09:46:39.000Z')); // 11 digits below 1e11: seconds
    expect(read('100000000000')).toBeNull(); // 12 digits = 1e11 ms = 1973: placeholder
    expect(read('12345678')).toBeNull(); // 8 digits
    expect(read('17872848001234')).toBeNull(); // 14 digits
    expect(read('-1787284800')).toBeNull();
    expect(read('1787284800.5')).toBeNull();
    expect(read('0')).toBeNull();
    expect(read(0n)).toBeNull();
    expect(read(-5n)).toBeNull();
    expect(read(2n ** 64n)).toBeNull();
  });
});

describe('readSellerCenterTime: zone-less "YYYY-MM-DD HH:mm:ss" is in the page zone', () => {
  it.each([
    [480, '2026-08-21T04:00:00.000Z'], // UTC+8, the usual order-list zone
    [-300, '2026-08-21T17:00:00.000Z'], // UTC-5
    [0, '2026-08-21T12:00:00.000Z'],
    [330, '2026-08-21T06:30:00.000Z'], // UTC+5:30 India
    [345, '2026-08-21T06:15:00.000Z'], // UTC+5:45 Nepal
    [-210, '2026-08-21T15:30:00.000Z'], // UTC-3:30 Newfoundland
    [-570, '2026-08-21T21:30:00.000Z'], // UTC-9:30 Marquesas
    [765, '2026-08-20T23:15:00.000Z'], // UTC+12:45 Chatham
    [840, '2026-08-20T22:00:00.000Z'], // UTC+14
    [-720, '2026-08-22T00:00:00.000Z'], // UTC-12
  ])('page zone %i minutes east', (minutes, iso) => {
    expect(read('2026-08-21 12:00:00', zone(minutes))).toEqual(exactly(iso));
  });

  it.each([
    ['UTC+8', '2026-11-21T00:30:00.000Z'],
    ['UTC-5', '2026-11-21T13:30:00.000Z'],
    ['UTC+5:30', '2026-11-21T03:00:00.000Z'],
    ['UTC+05:30', '2026-11-21T03:00:00.000Z'],
    ['UTC+5:45', '2026-11-21T02:45:00.000Z'],
    ['GMT+8', '2026-11-21T00:30:00.000Z'],
    ['+08:00', '2026-11-21T00:30:00.000Z'],
    ['UTC', '2026-11-21T08:30:00.000Z'],
  ])('page zone spec %s', (spec, iso) => {
    expect(read('2026-11-21 08:30:00', zone(parseUtcOffsetSpec(spec)))).toEqual(exactly(iso));
  });

  it('takes the zone straight from the request body or the page URL', () => {
    const fromBody = zone(zoneFromRequestBody('{"pageNumber":1,"timeZone":"UTC+8"}'));
    const fromUrl = zone(zoneFromPageUrl('https://seller.kuajingmaihuo.com/orders?timeZone=UTC%2B8'));
    expect(read('2026-11-21 08:30:00', fromBody)).toEqual(exactly('2026-11-21T00:30:00.000Z'));
    expect(read('2026-11-21 08:30:00', fromUrl)).toEqual(exactly('2026-11-21T00:30:00.000Z'));
  });

  it.each([
    ['2026-08-21 12:00:00', '2026-08-21T04:00:00.000Z'],
    ['2026-08-21 12:00', '2026-08-21T04:00:00.000Z'],
    ['2026-08-21T12:00:00', '2026-08-21T04:00:00.000Z'],
    ['2026-08-21 12:00:00.250', '2026-08-21T04:00:00.250Z'],
    ['2026-08-21 12:00:00,5', '2026-08-21T04:00:00.500Z'],
    ['2026-08-21 12:00:00.123456789', '2026-08-21T04:00:00.123Z'],
    ['2026/08/21 12:00:00', '2026-08-21T04:00:00.000Z'],
    ['2026-8-1 7:05:09', '2026-07-31T23:05:09.000Z'],
    ['  2026-08-21   12:00:00 ', '2026-08-21T04:00:00.000Z'],
    ['2026-01-01 00:00:00', '2025-12-31T16:00:00.000Z'], // crosses the year backwards
    ['2028-02-29 23:59:59', '2028-02-29T15:59:59.000Z'], // leap day
  ])('%j in UTC+8', (value, iso) => {
    expect(read(value, UTC8)).toEqual(exactly(iso));
  });

  it('a bare date reads as 00:00 that day, flagged: the time of day is not known', () => {
    expect(read('2026-08-21', UTC8)).toEqual(atEarliest('2026-08-20T16:00:00.000Z'));
    expect(read('2026/08/21', UTC_5)).toEqual(atEarliest('2026-08-21T05:00:00.000Z'));
    expect(read('2026-08-21')).toEqual(atEarliest('2026-08-20T10:00:00.000Z')); // and +14 without a zone
  });
});

describe('readSellerCenterTime: unknown zone → earliest reading (UTC+14), uncertain', () => {
  it('uses +14 for a zone-less string without a page zone', () => {
    expect(EARLIEST_UTC_OFFSET_MINUTES).toBe(840);
    expect(read('2026-08-21 12:00:00')).toEqual(atEarliest('2026-08-20T22:00:00.000Z'));
    expect(read('Aug 21, 2026, 12:01 am')).toEqual(atEarliest('2026-08-20T10:01:00.000Z'));
  });

  it('the earliest reading is never later than any plausible reading', () => {
    const earliest = readSellerCenterTime('2026-08-21 12:00:00', UNKNOWN_ZONE)!.at;
    for (let minutes = -720; minutes <= 840; minutes += 15) {
      expect(readSellerCenterTime('2026-08-21 12:00:00', zone(minutes))!.at).toBeGreaterThanOrEqual(earliest);
    }
  });

  it.each([[zone(900)], [zone(-780)], [zone(480.5)], [zone(Number.NaN)], [{ utcOffsetMinutes: '480' } as unknown as PageZone], [null as unknown as PageZone], [{} as PageZone]])(
    'treats an invalid page zone %j as unknown',
    (z) => {
      expect(read('2026-08-21 12:00:00', z)).toEqual(atEarliest('2026-08-20T22:00:00.000Z'));
    },
  );

  it('an abbreviation that is not in the table means any zone', () => {
    expect(read('Aug 21, 2026, 12:01 am XYZT', UTC8)).toEqual(atEarliest('2026-08-20T10:01:00.000Z'));
    expect(read('2026-08-21 12:00:00 QQQ', UTC_5)).toEqual(atEarliest('2026-08-20T22:00:00.000Z'));
  });
});

describe('readSellerCenterTime: ISO 8601 with Z or an offset is exact, whatever the page zone', () => {
  it.each([
    ['2026-08-21T12:00:00Z', '2026-08-21T12:00:00.000Z'],
    ['2026-08-21T12:00:00.123Z', '2026-08-21T12:00:00.123Z'],
    ['2026-08-21T12:00:00z', '2026-08-21T12:00:00.000Z'],
    ['2026-08-21T12:00:00+08:00', '2026-08-21T04:00:00.000Z'],
    ['2026-08-21T12:00:00+0800', '2026-08-21T04:00:00.000Z'],
    ['2026-08-21T12:00:00+08', '2026-08-21T04:00:00.000Z'],
    ['2026-08-21T12:00:00-05:00', '2026-08-21T17:00:00.000Z'],
    ['2026-08-21T12:00:00+05:45', '2026-08-21T06:15:00.000Z'],
    ['2026-08-21T12:00:00-03:30', '2026-08-21T15:30:00.000Z'],
    ['2026-08-21T12:00+14:00', '2026-08-20T22:00:00.000Z'],
    ['2026-08-21T12:00:00-12:00', '2026-08-22T00:00:00.000Z'],
    ['2026-08-21 12:00:00 UTC+8', '2026-08-21T04:00:00.000Z'],
    ['2026-08-21 12:00:00 GMT-5', '2026-08-21T17:00:00.000Z'],
    ['2026-08-21 12:00:00 (UTC+05:30)', '2026-08-21T06:30:00.000Z'],
    ['2026-08-21 12:00:00 UTC', '2026-08-21T12:00:00.000Z'],
    ['2026-08-21 12:00:00 JST', '2026-08-21T03:00:00.000Z'],
  ])('%j', (value, iso) => {
    for (const z of [UNKNOWN_ZONE, UTC8, UTC_5]) expect(read(value, z)).toEqual(exactly(iso));
  });

  it('rejects offsets outside UTC-12..UTC+14 and malformed offsets', () => {
    expect(read('2026-08-21T12:00:00+15:00')).toBeNull();
    expect(read('2026-08-21T12:00:00-13:00')).toBeNull();
    expect(read('2026-08-21T12:00:00+08:60')).toBeNull();
    expect(read('2026-08-21T12:00:00+')).toBeNull();
    expect(read('2026-08-21T12:00:00ZZ')).toBeNull();
    expect(read('2026-08-21T12:00:00JST')).toBeNull(); // an abbreviation must stand apart
    expect(read('Aug 20, 2026, 4:16 pmGMT')).toBeNull();
  });
});

describe('readSellerCenterTime: detail-page English dates', () => {
  it.each([
    // the real detail-page strings
    ['Aug 21, 2026, 12:01 am PKT', '2026-08-20T19:01:00.000Z'],
    ['Aug 19, 2026, 4:35 am PKT(UTC+5)', '2026-08-18T23:35:00.000Z'],
    ['Aug 20, 2026, 4:16 pm GMT', '2026-08-20T16:16:00.000Z'],
    // variants
    ['Aug 20, 2026 4:16 pm GMT', '2026-08-20T16:16:00.000Z'],
    ['Aug 20 2026 4:16 pm GMT', '2026-08-20T16:16:00.000Z'],
    ['Aug 20, 2026, 4:16:37 pm GMT', '2026-08-20T16:16:37.000Z'],
    ['Aug 20, 2026, 4:16 PM GMT', '2026-08-20T16:16:00.000Z'],
    ['Aug 20, 2026, 4:16pm GMT', '2026-08-20T16:16:00.000Z'],
    ['Aug 20, 2026, 4:16 p.m. GMT', '2026-08-20T16:16:00.000Z'],
    ['Aug 20, 2026, 4:16\u202fPM GMT', '2026-08-20T16:16:00.000Z'], // Intl's narrow no-break space
    ['Aug\u00a020,\u00a02026, 4:16 pm GMT', '2026-08-20T16:16:00.000Z'],
    ['Aug 20, 2026 at 4:16 pm GMT', '2026-08-20T16:16:00.000Z'],
    ['Aug. 20, 2026, 4:16 pm GMT', '2026-08-20T16:16:00.000Z'],
    ['August 20, 2026, 4:16 pm GMT', '2026-08-20T16:16:00.000Z'],
    ['Sept 20, 2026, 4:16 pm UTC', '2026-09-20T16:16:00.000Z'],
    ['Thu, Aug 20, 2026, 4:16 pm GMT', '2026-08-20T16:16:00.000Z'],
    ['20 Aug 2026, 4:16 pm GMT', '2026-08-20T16:16:00.000Z'],
    ['Thursday 20 August 2026 16:16 GMT', '2026-08-20T16:16:00.000Z'],
    ['Aug 20, 2026, 16:16 GMT', '2026-08-20T16:16:00.000Z'], // 24-hour clock
    ['aug 20, 2026, 4:16 pm GMT', '2026-08-20T16:16:00.000Z'],
    ['Aug 20, 2026, 4:16 pm UTC', '2026-08-20T16:16:00.000Z'],
    ['Aug 20, 2026, 4:16 pm Z', '2026-08-20T16:16:00.000Z'],
    ['Aug 20, 2026, 4:16 pm GMT+8', '2026-08-20T08:16:00.000Z'],
    ['Aug 20, 2026, 4:16 pm UTC-05:00', '2026-08-20T21:16:00.000Z'],
    ['Aug 20, 2026, 4:16 pm +05:45', '2026-08-20T10:31:00.000Z'],
    ['Aug 20, 2026, 4:16 pm (UTC-08:00)', '2026-08-21T00:16:00.000Z'], // zone in parentheses only
    ['Aug 20, 2026, 4:16 pm (GMT+8)', '2026-08-20T08:16:00.000Z'],
    ['Aug 20, 2026, 4:16 pm PKT (UTC+5)', '2026-08-20T11:16:00.000Z'],
    ['Aug 20, 2026, 4:16 pm NPT', '2026-08-20T10:31:00.000Z'], // Nepal +5:45
    ['Aug 20, 2026, 4:16 pm JST', '2026-08-20T07:16:00.000Z'],
    ['Aug 20, 2026, 4:16 pm CET', '2026-08-20T15:16:00.000Z'],
    ['Aug 20, 2026, 4:16 pm CEST', '2026-08-20T14:16:00.000Z'],
    ['Aug 20, 2026, 4:16 pm EDT', '2026-08-20T20:16:00.000Z'],
    ['Aug 20, 2026, 4:16 pm PDT', '2026-08-20T23:16:00.000Z'],
    ['Aug 20, 2026, 4:16 pm NST', '2026-08-20T19:46:00.000Z'], // Newfoundland -3:30
    ['Aug 20, 2026, 4:16 pm ACST', '2026-08-20T06:46:00.000Z'], // +9:30
    ['Aug 20, 2026, 4:16 pm ChST', '2026-08-20T06:16:00.000Z'],
  ])('%j', (value, iso) => {
    for (const z of [UNKNOWN_ZONE, UTC8, UTC_5]) expect(read(value, z)).toEqual(exactly(iso));
  });

  it('12 am is midnight and 12 pm is noon', () => {
    expect(read('Aug 21, 2026, 12:00 am GMT')).toEqual(exactly('2026-08-21T00:00:00.000Z'));
    expect(read('Aug 21, 2026, 12:01 am GMT')).toEqual(exactly('2026-08-21T00:01:00.000Z'));
    expect(read('Aug 21, 2026, 12:59:59 am GMT')).toEqual(exactly('2026-08-21T00:59:59.000Z'));
    expect(read('Aug 21, 2026, 1:00 am GMT')).toEqual(exactly('2026-08-21T01:00:00.000Z'));
    expect(read('Aug 21, 2026, 11:59 am GMT')).toEqual(exactly('2026-08-21T11:59:00.000Z'));
    expect(read('Aug 21, 2026, 12:00 pm GMT')).toEqual(exactly('2026-08-21T12:00:00.000Z'));
    expect(read('Aug 21, 2026, 12:30 pm GMT')).toEqual(exactly('2026-08-21T12:30:00.000Z'));
    expect(read('Aug 21, 2026, 1:00 pm GMT')).toEqual(exactly('2026-08-21T13:00:00.000Z'));
    expect(read('Aug 21, 2026, 11:59 pm GMT')).toEqual(exactly('2026-08-21T23:59:00.000Z'));
    expect(read('Aug 21, 2026, 0:05 am GMT')).toEqual(exactly('2026-08-21T00:05:00.000Z')); // h11 clocks
    expect(read('Aug 21, 2026, 0:05 pm GMT')).toEqual(exactly('2026-08-21T12:05:00.000Z'));
  });

  it('12:01 am PKT is still the previous evening in UTC', () => {
    expect(read('Aug 21, 2026, 12:01 am PKT')).toEqual(exactly('2026-08-20T19:01:00.000Z'));
    expect(read('Jan 1, 2027, 12:30 am PKT')).toEqual(exactly('2026-12-31T19:30:00.000Z'));
  });

  it('a zone-less detail string falls back to the page zone', () => {
    expect(read('Aug 21, 2026, 12:01 am', UTC8)).toEqual(exactly('2026-08-20T16:01:00.000Z'));
    expect(read('Aug 21, 2026, 12:01 pm', UTC_5)).toEqual(exactly('2026-08-21T17:01:00.000Z'));
    expect(read('Aug 21, 2026', UTC8)).toEqual(atEarliest('2026-08-20T16:00:00.000Z')); // date only
  });

  it('does not mistake a zone starting with AM/PM for the meridiem', () => {
    // 12:01 on the 24-hour clock, AMT = Amazon (-4) or Armenia (+4) → +4, flagged
    expect(read('Aug 21, 2026, 12:01 AMT')).toEqual(atEarliest('2026-08-21T08:01:00.000Z'));
  });

  it.each([
    'Aug 21, 2026, 13:01 pm GMT', // 13 pm
    'Aug 21, 2026, 4:60 pm GMT',
    'Aug 21, 2026, 4:16:60 pm GMT',
    'Aug 21, 2026, 24:00 GMT',
    'Feb 30, 2026, 4:16 pm GMT',
    'Feb 29, 2026, 4:16 pm GMT', // 2026 is not a leap year
    'Apr 31, 2026, 4:16 pm GMT',
    'Aug 0, 2026, 4:16 pm GMT',
    'Foo 20, 2026, 4:16 pm GMT',
    'Augu 20, 2026, 4:16 pm GMT',
    'Someday, Aug 20, 2026, 4:16 pm GMT', // not a weekday
    'Aug 20, 2026, 4:16 pm pkt', // abbreviations are upper case
    'Aug 20, 2026, 4:16 pm Pakistan Standard Time',
    'Aug 20, 2026, 4:16 pm PKT(Asia/Karachi)',
    'Aug 20, 2026, 4:16 pm PKT(UTC+15)',
    'Aug 20, 2026, 4:16 pm (UTC+5',
    'Aug 20, 2026, 4:1 pm GMT',
    'Aug 20, 26, 4:16 pm GMT',
  ])('null for %j', (value) => {
    expect(read(value, UTC8)).toBeNull();
  });
});

describe('readSellerCenterTime: ambiguous abbreviation → earliest reading, uncertain', () => {
  it.each([
    ['Aug 20, 2026, 4:16 PM PST', '2026-08-20T08:16:00.000Z'], // Pacific -8 / Philippine +8 → +8
    ['Dec 1, 2026, 09:05 am CST', '2026-12-01T01:05:00.000Z'], // US Central -6 / Cuba -5 / China +8 → +8
    ['Dec 1, 2026 09:05 am CST', '2026-12-01T01:05:00.000Z'],
    ['Dec 1, 2026, 9:05:30 am CST', '2026-12-01T01:05:30.000Z'],
    ['Aug 20, 2026, 4:16 pm CDT', '2026-08-20T20:16:00.000Z'], // -5 / -4 → -4
    ['Aug 20, 2026, 4:16 pm IST', '2026-08-20T10:46:00.000Z'], // +1 / +2 / +5:30 → +5:30
    ['Aug 20, 2026, 4:16 pm BST', '2026-08-20T05:16:00.000Z'], // +1 / +6 / +11 → +11
    ['Aug 20, 2026, 4:16 pm AST', '2026-08-20T13:16:00.000Z'], // -4 / +3 → +3
    ['Aug 20, 2026, 4:16 pm GST', '2026-08-20T12:16:00.000Z'], // -2 / +4 → +4
    ['Aug 20, 2026, 4:16 pm MST', '2026-08-20T08:16:00.000Z'], // -7 / Malaysia +8 → +8
    ['Aug 20, 2026, 4:16 pm PT', '2026-08-20T23:16:00.000Z'], // -8 / -7 → -7
    ['Aug 20, 2026, 4:16 pm ET', '2026-08-20T20:16:00.000Z'], // -5 / -4 → -4
  ])('%j', (value, iso) => {
    for (const z of [UNKNOWN_ZONE, UTC8, UTC_5]) expect(read(value, z)).toEqual(atEarliest(iso));
  });

  it('the earliest reading of CST is not later than any of its readings', () => {
    const earliest = readSellerCenterTime('Dec 1, 2026, 09:05 am CST', UNKNOWN_ZONE)!.at;
    for (const offset of ['UTC+8', 'UTC-6', 'UTC-5']) {
      expect(readSellerCenterTime(`Dec 1, 2026, 09:05 am (${offset})`, UNKNOWN_ZONE)!.at).toBeGreaterThanOrEqual(earliest);
    }
  });

  it('a numeric offset in parentheses settles the abbreviation', () => {
    expect(read('Dec 1, 2026, 09:05 am CST(UTC-6)')).toEqual(exactly('2026-12-01T15:05:00.000Z'));
    expect(read('Dec 1, 2026, 09:05 am CST (UTC+8)')).toEqual(exactly('2026-12-01T01:05:00.000Z'));
    expect(read('Aug 20, 2026, 4:16 pm PST(UTC-7)')).toEqual(exactly('2026-08-20T23:16:00.000Z')); // "PST" all year
    expect(read('Aug 20, 2026, 4:16 pm XYZT(UTC+3)')).toEqual(exactly('2026-08-20T13:16:00.000Z'));
    // the parentheses win over an unambiguous abbreviation too
    expect(read('Aug 19, 2026, 4:35 am PKT(UTC+6)')).toEqual(exactly('2026-08-18T22:35:00.000Z'));
  });

  it('two numeric offsets that disagree → earliest of the two, uncertain', () => {
    expect(read('Aug 20, 2026, 4:16 pm GMT+8 (UTC+5)')).toEqual(atEarliest('2026-08-20T08:16:00.000Z'));
    expect(read('Aug 20, 2026, 4:16 pm GMT+5 (UTC+5)')).toEqual(exactly('2026-08-20T11:16:00.000Z'));
  });
});

describe('readSellerCenterTime: the zone written in the string wins over the page zone', () => {
  it('string zone beats page zone', () => {
    expect(read('2026-08-21 12:00:00 UTC-5', UTC8)).toEqual(exactly('2026-08-21T17:00:00.000Z'));
    expect(read('2026-08-21T12:00:00Z', UTC8)).toEqual(exactly('2026-08-21T12:00:00.000Z'));
    expect(read('Aug 21, 2026, 12:01 am PKT', UTC8)).toEqual(exactly('2026-08-20T19:01:00.000Z'));
    expect(read('Aug 21, 2026, 12:01 am GMT', UTC_5)).toEqual(exactly('2026-08-21T00:01:00.000Z'));
  });

  it('an ambiguous abbreviation is not resolved by the page zone (still earliest)', () => {
    expect(read('Dec 1, 2026, 09:05 am CST', zone(-360))).toEqual(atEarliest('2026-12-01T01:05:00.000Z'));
  });

  it('the same wall clock reads the same with or without the page zone when the string has one', () => {
    for (const value of ['Aug 19, 2026, 4:35 am PKT(UTC+5)', '2026-08-21T12:00:00+05:45', 'Aug 20, 2026, 4:16 PM PST']) {
      expect(readSellerCenterTime(value, UTC8)).toEqual(readSellerCenterTime(value, UNKNOWN_ZONE));
    }
  });
});

describe('readSellerCenterTime: invalid calendar dates and junk → null, never a throw', () => {
  it.each([
    '2026-02-30 10:00:00',
    '2026-02-29 10:00:00',
    '2026-04-31 10:00:00',
    '2026-13-01 10:00:00',
    '2026-00-10 10:00:00',
    '2026-08-00 10:00:00',
    '2026-08-21 25:00:00',
    '2026-08-21 24:00:00',
    '2026-08-21 12:60:00',
    '2026-08-21 12:00:60',
    '2026-08-21 12',
    '2026-08-21 12:0',
    '2026-08/21 12:00:00',
    '2026.08.21 12:00:00',
    '21-08-2026 12:00:00',
    '20260821',
    '20260821120000',
    '1970-01-01 08:00:00', // epoch 0 in UTC+8: the classic "not set"
    '0001-01-01 00:00:00',
    '1999-12-31 23:59:59',
    '2026-08-21 12:00:00 later',
    '2026-08-21 12:00:00 +08:00 junk',
    '',
    '   ',
    '-',
    'null',
    'undefined',
    'NaN',
    'now',
    'today',
    'not a time',
    '2026-08-21 12:00:00\u0000',
  ])('%j', (value) => {
    expect(read(value, UTC8)).toBeNull();
    expect(read(value, UNKNOWN_ZONE)).toBeNull();
  });

  it('caps the length before any regex runs', () => {
    expect(read(`2026-08-21 12:00:00${' '.repeat(5000)}`, UTC8)).toBeNull(); // too long even to trim
    expect(read(`${' '.repeat(2000)}2026-08-21 12:00:00\n    `, UTC8)).toEqual(exactly('2026-08-21T04:00:00.000Z')); // DOM indentation
    expect(read(`2026-08-21 12:00:00 ${'A'.repeat(60)}`, UTC8)).toBeNull();
    expect(read('1'.repeat(1_000_000), UTC8)).toBeNull();
    expect(read(`Aug 20, 2026, 4:16 pm ${'('.repeat(40)}`, UTC8)).toBeNull();
    const start = Date.now();
    for (let i = 0; i < 2000; i++) readSellerCenterTime(`Aug 20, 2026, ${'1'.repeat(i % 50)}:${' '.repeat(i % 13)}pm`, UTC8);
    expect(Date.now() - start).toBeLessThan(2000);
  });

  it('non-strings and hostile objects → null', () => {
    const throwingZone = Object.defineProperty({}, 'utcOffsetMinutes', {
      get: () => {
        throw new Error('boom');
      },
    }) as PageZone;
    for (const value of [
      null,
      undefined,
      true,
      {},
      [],
      ['2026-08-21 12:00:00'],
      new Date('2026-08-21T12:00:00Z'),
      Symbol('t'),
      () => 1,
      { toString: () => '2026-08-21 12:00:00' },
      { valueOf: () => 1_787_284_800 },
    ]) {
      expect(readSellerCenterTime(value, UTC8)).toBeNull();
    }
    expect(readSellerCenterTime('2026-08-21 12:00:00', throwingZone)).toBeNull();
    expect(readSellerCenterTime(1_787_284_800, throwingZone)).toEqual({ at: 1_787_284_800_000, uncertain: false }); // numbers need no zone
  });

  it('does not depend on the machine time zone', () => {
    const saved = process.env.TZ;
    const seen = new Set<string>();
    const machineOffsets = new Set<number>();
    try {
      for (const tz of ['UTC', 'Asia/Shanghai', 'America/St_Johns', 'Pacific/Chatham', 'Pacific/Kiritimati', 'Etc/GMT+12']) {
        process.env.TZ = tz;
        machineOffsets.add(new Date(Date.UTC(2026, 7, 21)).getTimezoneOffset());
        seen.add(JSON.stringify(['2026-08-21 12:00:00', 'Aug 20, 2026, 4:16 PM PST', 'Mar 8, 2026, 2:30 am PKT'].map((v) => readSellerCenterTime(v, UTC8))));
      }
    } finally {
      if (saved === undefined) delete process.env.TZ;
      else process.env.TZ = saved;
    }
    expect(machineOffsets.size).toBeGreaterThan(3); // the zone switch took effect
    expect(seen.size).toBe(1);
  });
});

describe('pickSellerCenterTime', () => {
  it('takes the first usable candidate in the order given (numbers first)', () => {
    expect(pickSellerCenterTime([1_787_284_800, '2026-08-21 13:00:00'], UTC8)).toEqual({ at: 1_787_284_800_000, uncertain: false });
    expect(pickSellerCenterTime(['2026-08-21 13:00:00', 1_787_284_800], UTC8)).toEqual({ at: Date.parse('2026-08-21T05:00:00Z'), uncertain: false });
  });

  it('skips unusable candidates', () => {
    expect(pickSellerCenterTime([null, 0, '', 'junk', undefined, '2026-08-21 12:00:00'], UTC8)).toEqual({ at: Date.parse('2026-08-21T04:00:00Z'), uncertain: false });
    expect(pickSellerCenterTime([undefined, '1787284800'], UNKNOWN_ZONE)).toEqual({ at: 1_787_284_800_000, uncertain: false });
  });

  it('returns an uncertain reading when it is the first usable one', () => {
    expect(pickSellerCenterTime([null, '2026-08-21 12:00:00'], UNKNOWN_ZONE)).toEqual({ at: Date.parse('2026-08-20T22:00:00Z'), uncertain: true });
  });

  it('null when nothing is usable, and never throws', () => {
    const { proxy, revoke } = Proxy.revocable([1_787_284_800], {});
    revoke();
    const trap = new Proxy([1_787_284_800], {
      get: () => {
        throw new Error('boom');
      },
    });
    expect(pickSellerCenterTime([], UTC8)).toBeNull();
    expect(pickSellerCenterTime([null, 'x', -1], UTC8)).toBeNull();
    expect(pickSellerCenterTime(null as unknown as unknown[], UTC8)).toBeNull();
    expect(pickSellerCenterTime('1787284800' as unknown as unknown[], UTC8)).toBeNull();
    expect(pickSellerCenterTime(proxy, UTC8)).toBeNull();
    expect(pickSellerCenterTime(trap, UTC8)).toBeNull();
  });

  it('looks at no more than 64 candidates', () => {
    const many: unknown[] = Array.from({ length: 64 }, () => 'junk');
    expect(pickSellerCenterTime([...many, 1_787_284_800], UTC8)).toBeNull();
    expect(pickSellerCenterTime([...many.slice(1), 1_787_284_800], UTC8)).toEqual({ at: 1_787_284_800_000, uncertain: false });
  });
});
