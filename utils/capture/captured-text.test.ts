import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { plainCapturedText } from './captured-text';
import { toCamelKeys } from './camel-keys';

/** Any UTF-16 code unit, lone surrogates included: what a hostile page can put in a JSON string. */
const anyCodeUnits = fc.string({ unit: fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)), maxLength: 80 });
// biome-ignore lint/suspicious/noControlCharactersInRegex: looking for control characters is the point.
const FORBIDDEN = /[\u0000-\u001f\u007f-\u009f\u00ad\u061c\u180e\u200b\u200e\u200f\u202a-\u202e\u2028\u2029\u2060-\u2064\u2066-\u2069\ufeff\ufff9-\ufffb]/;
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

describe('plainCapturedText (issue 16: input hygiene)', () => {
  it('removes NUL, control, bidi-override and invisible characters; line breaks and tabs become spaces', () => {
    expect(plainCapturedText('Ann\u0000a\u0007 Smith')).toBe('Anna Smith');
    expect(plainCapturedText('12\tMain\r\nStreet\u2028Apt 4')).toBe('12 Main  Street Apt 4');
    // "Trojan Source": shown reversed without the override, stored as written.
    expect(plainCapturedText('\u202eteertS niaM 21\u202c')).toBe('teertS niaM 21');
    expect(plainCapturedText('\u2066Bob\u2069 \u200fal-Rashid\u200e')).toBe('Bob al-Rashid');
    expect(plainCapturedText('\ufeffZoë\u200b\u00ad')).toBe('Zoë');
  });

  it('keeps every script, emoji sequences and the joiners they need; composes to NFC', () => {
    for (const text of ['王小明', 'Юлия Смирнова', 'محمد الراشد', 'میخواهم', 'क्‍ष', '👩‍👩‍👧 🏠', 'Łukasiewicz']) expect(plainCapturedText(text)).toBe(text.normalize('NFC'));
    expect(plainCapturedText('Zoe\u0308')).toBe('Zoë');
  });

  it('turns lone surrogates into U+FFFD', () => {
    expect(plainCapturedText('a\ud800b\udc00c')).toBe('a\ufffdb\ufffdc');
  });

  it('property: for any input, nothing forbidden or ill-formed is left, and cleaning twice changes nothing', () => {
    fc.assert(
      fc.property(anyCodeUnits, (input) => {
        const out = plainCapturedText(input);
        expect(FORBIDDEN.test(out)).toBe(false);
        expect(LONE_SURROGATE.test(out)).toBe(false);
        expect(plainCapturedText(out)).toBe(out);
        expect(out.length).toBeLessThanOrEqual(input.length * 3);
      }),
      { numRuns: 10_000 },
    );
  });

  it('every string of a captured payload passes through it, at any depth, keys untouched', () => {
    const payload = { result: { receipt_name: 'Eve\u202e', address_line1: ['x\u0000y', { deep: '\u2066z' }] } };
    expect(toCamelKeys(payload)).toEqual({ result: { receiptName: 'Eve', addressLine1: ['xy', { deep: 'z' }] } });
  });
});
