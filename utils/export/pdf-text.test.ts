import { PDFDocument } from 'pdf-lib';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadFontsFromDisk } from '../../tests/support/node-font-provider';
import { num } from './pdf-draw';
import { drawsGlyphByGlyph, embedTextFonts, type TextShaper } from './pdf-text';

const LATIN = 'Office fjord Straße Łódź';
const MARKED = 'Tq\u0301 x\u0323\u0301';
let shaper: TextShaper;
beforeAll(async () => {
  shaper = await embedTextFonts(await PDFDocument.create(), await loadFontsFromDisk(), [LATIN, MARKED, '王小明 Иван Γιώργος']);
});

describe('text drawn glyph by glyph', () => {
  it('is every script whose characters look the same alone; marks, jamo and Indic scripts are shaped', () => {
    for (const text of [LATIN, 'Иван Петров', 'Γιώργος', '北京市朝阳区', 'さとう カタカナ', '서울특별시', '12-34 #5, (x) × 2 …']) expect(drawsGlyphByGlyph(text), text).toBe(true);
    for (const text of ['क्षत्रिय', 'e\u0301', '\u1100\u1161', 'سلام']) expect(drawsGlyphByGlyph(text), text).toBe(false);
  });

  it('measures a run as the sum of its characters and draws exactly those glyphs', () => {
    for (const run of shaper.runs(LATIN)) {
      const chars = [...run.text];
      expect(shaper.width(run.text, 10)).toBeCloseTo(
        chars.reduce((sum, c) => sum + shaper.width(c, 10), 0),
        6,
      );
      expect(shaper.encode(run)).toBe(`<${chars.map((c) => shaper.encode({ font: run.font, text: c }).slice(1, -1)).join('')}>`);
    }
  });

  it('shapes a run with combining marks as a whole', () => {
    const shaped = shaper.runs(MARKED).filter((run) => !drawsGlyphByGlyph(run.text));
    expect(shaped.length).toBeGreaterThan(0);
    for (const run of shaped) {
      const font = shaper.font(run.font);
      expect(shaper.encode(run)).toBe(font.encodeText(run.text).toString());
      expect(shaper.width(run.text, 1)).toBeCloseTo(font.widthOfTextAtSize(run.text, 1), 6);
    }
  });
});

describe('num', () => {
  it('writes at most 3 decimals, no exponent, no negative zero', () => {
    expect(num(12.34567)).toBe('12.346');
    expect(num(288)).toBe('288');
    expect(num(1e-7)).toBe('0');
    expect(num(-0.0001)).toBe('0');
    expect(num(-3.5)).toBe('-3.5');
  });
});
