import { describe, expect, it } from 'vitest';
import { isUtcOffsetMinutes, MAX_UTC_OFFSET_MINUTES, MIN_UTC_OFFSET_MINUTES, parseUtcOffsetSpec, zoneFromPageUrl, zoneFromRequestBody } from './utc-offset';

describe('parseUtcOffsetSpec (minutes EAST of UTC)', () => {
  it.each([
    ['UTC+8', 480],
    ['UTC-5', -300],
    ['UTC+5:30', 330],
    ['UTC+05:30', 330],
    ['UTC+0530', 330],
    ['UTC+5:45', 345],
    ['UTC-3:30', -210],
    ['UTC-09:30', -570],
    ['UTC+12:45', 765],
    ['GMT+8', 480],
    ['GMT-08:00', -480],
    ['UT+1', 60],
    ['+08:00', 480],
    ['+0800', 480],
    ['+08', 480],
    ['+8', 480],
    ['-05:00', -300],
    ['\u221205:00', -300], // U+2212 MINUS SIGN
    ['UTC\u22128', -480],
    ['UTC', 0],
    ['GMT', 0],
    ['Z', 0],
    ['utc+8', 480],
    ['  UTC+8  ', 480],
    ['UTC +8', 480],
    ['UTC+0', 0],
    ['UTC+14', 840],
    ['UTC+14:00', 840],
    ['UTC-12', -720],
    ['UTC-12:00', -720],
  ])('%j → %i', (spec, minutes) => {
    expect(parseUtcOffsetSpec(spec)).toBe(minutes);
  });

  it('reads UTC-0 and -00:00 as 0, not -0', () => {
    expect(Object.is(parseUtcOffsetSpec('UTC-0'), 0)).toBe(true);
    expect(Object.is(parseUtcOffsetSpec('-00:00'), 0)).toBe(true);
  });

  it.each([
    'UTC+14:30',
    'UTC+15',
    'UTC-12:30',
    'UTC-13',
    '+24:00', // beyond -12:00..+14:00
    'UTC+5:60',
    'UTC+5:7',
    '+05:300', // bad minutes
    'UTC8',
    '8',
    '0800',
    '480', // no sign
    'UTC++8',
    'UTC+',
    '+',
    'UTC+8 h',
    'UTC+8:00:00',
    'CST',
    'Asia/Shanghai',
    'UTC+8Z',
    'Z+8',
    '',
    '   ',
    'UTC+8'.padEnd(100, ' '),
    'x'.repeat(1_000_000),
  ])('rejects %j', (spec) => {
    expect(parseUtcOffsetSpec(spec)).toBeNull();
  });

  it.each([[480], [8], [null], [undefined], [{ toString: () => 'UTC+8' }], [['UTC+8']], [Symbol('UTC+8')], [8n]])('rejects non-strings: %s', (spec) => {
    expect(parseUtcOffsetSpec(spec)).toBeNull();
  });

  it('bounds are UTC-12:00 and UTC+14:00', () => {
    expect(MIN_UTC_OFFSET_MINUTES).toBe(-720);
    expect(MAX_UTC_OFFSET_MINUTES).toBe(840);
    expect(isUtcOffsetMinutes(840)).toBe(true);
    expect(isUtcOffsetMinutes(-720)).toBe(true);
    expect(isUtcOffsetMinutes(841)).toBe(false);
    expect(isUtcOffsetMinutes(-721)).toBe(false);
    expect(isUtcOffsetMinutes(480.5)).toBe(false);
    expect(isUtcOffsetMinutes(Number.NaN)).toBe(false);
    expect(isUtcOffsetMinutes('480')).toBe(false);
  });
});

describe('zoneFromRequestBody', () => {
  it('reads timeZone from a JSON string body (the order-list request)', () => {
    expect(zoneFromRequestBody('{"pageNumber":1,"pageSize":100,"timeZone":"UTC+8"}')).toBe(480);
    expect(zoneFromRequestBody(JSON.stringify({ timeZone: 'UTC-5' }))).toBe(-300);
    expect(zoneFromRequestBody(JSON.stringify({ timeZone: 'UTC+05:30' }))).toBe(330);
    expect(zoneFromRequestBody('{"timeZone":"UTC\\u002B8"}')).toBe(480); // JSON escapes are decoded
  });

  it('reads timeZone or time_zone from an object body', () => {
    expect(zoneFromRequestBody({ timeZone: 'GMT+8' })).toBe(480);
    expect(zoneFromRequestBody({ time_zone: 'UTC+5:45' })).toBe(345);
    expect(zoneFromRequestBody({ timeZone: 'UTC-3', time_zone: 'UTC+8' })).toBe(-180); // timeZone first
  });

  it('is null without a usable zone', () => {
    expect(zoneFromRequestBody({})).toBeNull();
    expect(zoneFromRequestBody({ timeZone: '' })).toBeNull();
    expect(zoneFromRequestBody({ timeZone: 8 })).toBeNull(); // hours or minutes? unknown
    expect(zoneFromRequestBody({ timeZone: 'Asia/Shanghai' })).toBeNull();
    expect(zoneFromRequestBody({ timeZone: 'UTC+15' })).toBeNull();
    expect(zoneFromRequestBody({ params: { timeZone: 'UTC+8' } })).toBeNull(); // top level only
    expect(zoneFromRequestBody(Object.create({ timeZone: 'UTC+8' }))).toBeNull(); // own properties only
  });

  it('never throws on hostile bodies', () => {
    const throwing = Object.defineProperty({}, 'timeZone', {
      enumerable: true,
      get: () => {
        throw new Error('boom');
      },
    });
    const { proxy, revoke } = Proxy.revocable({}, {});
    revoke();
    for (const body of ['{not json', '"UTC+8"', '[{"timeZone":"UTC+8"}]', 'null', '', `${' '.repeat(70_000)}{"timeZone":"UTC+8"}`, null, undefined, 42, [], throwing, proxy]) {
      expect(zoneFromRequestBody(body)).toBeNull();
    }
  });
});

describe('zoneFromPageUrl', () => {
  const base = 'https://seller.kuajingmaihuo.com/main/order-manager/shipped-list';

  it.each([
    [`${base}?timeZone=UTC%2B8`, 480],
    [`${base}?foo=1&timeZone=UTC%2B8&bar=2`, 480],
    [`${base}?timeZone=UTC%2D5`, -300],
    [`${base}?timeZone=UTC-5`, -300],
    [`${base}?timeZone=UTC%2B5%3A30`, 330],
    [`${base}?timeZone=UTC%2B05%3A45`, 345],
    [`${base}?timeZone=GMT%2B8`, 480],
    [`${base}?timeZone=UTC+8`, 480], // unencoded "+" stays a plus (no form decoding)
    [`${base}?time_zone=UTC%2B9`, 540],
    [`${base}#/orders?timeZone=UTC%2B8`, 480], // hash-routed query
    [`${base}?timeZone=junk&timeZone=UTC%2B7`, 420], // first that parses
    ['/orders?timeZone=UTC%2B8', 480], // relative href
  ])('%s → %i', (href, minutes) => {
    expect(zoneFromPageUrl(href)).toBe(minutes);
  });

  it.each([
    base,
    `${base}?timeZone=`,
    `${base}?timeZone=UTC%2B15`,
    `${base}?timeZone=Asia%2FShanghai`,
    `${base}?timeZone=%E0%A4%A`, // malformed percent-encoding
    `${base}?mytimeZone=UTC%2B8`,
    `${base}?timeZone=UTC%2B8`.padEnd(10_000, 'x'),
  ])('null for %s', (href) => {
    expect(zoneFromPageUrl(href)).toBeNull();
  });

  it('never throws on non-strings', () => {
    expect(zoneFromPageUrl(undefined as unknown as string)).toBeNull();
    expect(zoneFromPageUrl({} as unknown as string)).toBeNull();
  });
});
