import { PDFDocument } from 'pdf-lib';
import { beforeAll, describe, expect, it } from 'vitest';
import { label, longLabel, scriptLabels } from '../../tests/support/label-test-data';
import { loadFontsFromDisk } from '../../tests/support/node-font-provider';
import { ensureCode128Symbols } from './barcode-symbols';
import { labelTexts } from './label-pdf';
import { layoutLabel, type Box, type DrawOp } from './label-layout';
import { ELLIPSIS, embedTextFonts, type TextShaper } from './pdf-text';
import { labelBoxInCell, sheetCells } from './sheet-layout';

let shaper: TextShaper;
beforeAll(async () => {
  const doc = await PDFDocument.create();
  const all = [...scriptLabels(), longLabel(), label()];
  shaper = await embedTextFonts(doc, await loadFontsFromDisk(), all.flatMap(labelTexts));
  await ensureCode128Symbols(all.map((l) => l.orderSn));
});

const EPS = 1e-6;
function inside(inner: { left: number; right: number; bottom: number; top: number }, outer: Box): boolean {
  return inner.left >= outer.x - EPS && inner.right <= outer.x + outer.width + EPS && inner.bottom >= outer.y - EPS && inner.top <= outer.y + outer.height + EPS;
}

/** Extent of an op, text measured again with the embedded fonts (not trusting op.width). */
function extent(op: DrawOp) {
  if (op.kind === 'text') {
    const width = shaper.width(op.text, op.size);
    return { left: op.x, right: op.x + width, bottom: op.baseline - shaper.descent * op.size, top: op.baseline + shaper.ascent * op.size };
  }
  if (op.kind === 'bar') return { left: op.x, right: op.x + op.width, bottom: op.y, top: op.y + op.height };
  return { left: Math.min(op.x1, op.x2), right: Math.max(op.x1, op.x2), bottom: Math.min(op.y1, op.y2), top: Math.max(op.y1, op.y2) };
}

const boxes: [string, Box][] = [
  ['4x6', { x: 0, y: 0, width: 288, height: 432 }],
  ['A4 4-up cell', labelBoxInCell(sheetCells('a4', '4up')[3]!)],
  ['Letter 2-up cell', labelBoxInCell(sheetCells('letter', '2up')[0]!)],
  ['tiny 2x3 in', { x: 5, y: 7, width: 144, height: 216 }],
];

describe('layoutLabel', () => {
  it.each(boxes)('draws every run of a worst-case label inside the %s box', (_name, box) => {
    const ops = layoutLabel(longLabel(), shaper, box);
    const texts = ops.filter((op) => op.kind === 'text');
    expect(texts.length).toBeGreaterThan(10);
    for (const op of ops) {
      expect(inside(extent(op), box), JSON.stringify(op)).toBe(true);
      // Text also stays in its own section, so sections never overprint each other.
      if (op.kind === 'text') expect(inside(extent(op), op.box), op.text).toBe(true);
    }
    // The long fields were cut, visibly.
    expect(texts.some((op) => op.text.endsWith(ELLIPSIS))).toBe(true);
  });

  it('keeps short labels at full size without ellipsis', () => {
    const ops = layoutLabel(label(), shaper, boxes[0]![1]);
    const texts = ops.filter((op) => op.kind === 'text');
    expect(texts.some((op) => op.text.includes(ELLIPSIS))).toBe(false);
    const name = texts.find((op) => op.text === 'Jane Doe');
    expect(name?.size).toBe(16);
  });

  it('shrinks a long name before cutting it', () => {
    const ops = layoutLabel(label({}, { name: 'Maximiliana Alexandrovna Konstantinopolskaya-Wiśniewska' }), shaper, boxes[0]![1]);
    const nameLines = ops.filter((op) => op.kind === 'text' && /Maximiliana|Wiśniewska/.test(op.text));
    expect(nameLines.length).toBeGreaterThan(0);
    expect(nameLines.every((op) => op.kind === 'text' && op.size < 16 && !op.text.includes(ELLIPSIS))).toBe(true);
    expect(nameLines.map((op) => (op.kind === 'text' ? op.text : '')).join(' ')).toBe('Maximiliana Alexandrovna Konstantinopolskaya-Wiśniewska');
  });

  it('draws the barcode with whole 203 dpi dots and 10-module quiet zones', () => {
    const bars = layoutLabel(label(), shaper, boxes[0]![1]).filter((op) => op.kind === 'bar');
    const dot = 72 / 203;
    const narrowest = Math.min(...bars.map((b) => b.width));
    expect(narrowest / dot).toBeCloseTo(Math.round(narrowest / dot), 6);
    const left = Math.min(...bars.map((b) => b.x));
    const right = Math.max(...bars.map((b) => b.x + b.width));
    expect(left - 10).toBeGreaterThanOrEqual(10 * narrowest - EPS);
    expect(288 - 10 - right).toBeGreaterThanOrEqual(10 * narrowest - EPS);
  });

  it('replaces characters no label font has instead of dropping them silently', () => {
    const ops = layoutLabel(label({}, { name: 'Ann 😀 Lee' }), shaper, boxes[0]![1]);
    expect(ops.some((op) => op.kind === 'text' && op.text === 'Ann ? Lee')).toBe(true);
  });
});
