import { PDFDocument } from 'pdf-lib';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadFontsFromDisk } from '../../tests/support/node-font-provider';
import { ELLIPSIS, embedTextFonts, type TextShaper } from './pdf-text';
import { ellipsize, fitParagraphs, fitSingleLine } from './text-fit';

const CJK = '北京市朝阳区建国路八十八号现代城小区五号楼二单元一五零一室';
let shaper: TextShaper;
beforeAll(async () => {
  shaper = await embedTextFonts(await PDFDocument.create(), await loadFontsFromDisk(), [CJK, 'Große Straße Łódź Иван Γιώργος']);
});

describe('fitParagraphs', () => {
  it('keeps text that fits at the largest size, one line per paragraph', () => {
    const fitted = fitParagraphs(shaper, ['Jane Doe', '1 Main St'], { width: 200, height: 100 }, { maxSize: 12, minSize: 6 });
    expect(fitted).toMatchObject({ size: 12, lines: ['Jane Doe', '1 Main St'], truncated: false });
  });

  it('wraps at spaces and between CJK characters, every line within the width', () => {
    const fitted = fitParagraphs(shaper, [`Große Straße ${CJK}`], { width: 90, height: 200 }, { maxSize: 10, minSize: 10 });
    expect(fitted.lines.length).toBeGreaterThan(2);
    expect(fitted.lines.join('').replace(/\s/g, '')).toBe(`GroßeStraße${CJK}`);
    for (const line of fitted.lines) expect(shaper.width(line, fitted.size)).toBeLessThanOrEqual(90);
  });

  it('shrinks before truncating, and truncates with an ellipsis at the minimum size', () => {
    const shrunk = fitParagraphs(shaper, ['Große Straße 12, Hinterhaus'], { width: 100, height: 16 }, { maxSize: 14, minSize: 6 });
    expect(shrunk.size).toBeLessThan(14);
    expect(shrunk.truncated).toBe(false);
    expect(shrunk.lines).toEqual(['Große Straße 12, Hinterhaus']);

    const cut = fitParagraphs(shaper, [CJK.repeat(5)], { width: 60, height: 20 }, { maxSize: 8, minSize: 6 });
    expect(cut.size).toBe(6);
    expect(cut.truncated).toBe(true);
    expect(cut.lines.length * cut.lineHeight).toBeLessThanOrEqual(20);
    expect(cut.lines.at(-1)!.endsWith(ELLIPSIS)).toBe(true);
    for (const line of cut.lines) expect(shaper.width(line, 6)).toBeLessThanOrEqual(60);
  });

  it('honours a per-paragraph line limit', () => {
    const fitted = fitParagraphs(shaper, ['Иван Петров Иван Петров Иван Петров Иван Петров'], { width: 80, height: 500 }, { maxSize: 16, minSize: 7, maxLinesPerParagraph: 2 });
    expect(fitted.lines.length).toBeLessThanOrEqual(2);
  });
});

describe('fitSingleLine / ellipsize', () => {
  it('shrinks then cuts one line', () => {
    expect(fitSingleLine(shaper, 'PO-211-01234567890123', 500, { maxSize: 13, minSize: 6 })).toEqual({ text: 'PO-211-01234567890123', size: 13 });
    const cut = fitSingleLine(shaper, 'Γιώργος '.repeat(20), 100, { maxSize: 13, minSize: 6 });
    expect(cut.size).toBe(6);
    expect(cut.text.endsWith(ELLIPSIS)).toBe(true);
    expect(shaper.width(cut.text, 6)).toBeLessThanOrEqual(100);
  });

  it('returns nothing rather than overflow a box too narrow for the ellipsis', () => {
    expect(ellipsize(shaper, 'Łódź', 0.5, 10)).toBe('');
  });
});
