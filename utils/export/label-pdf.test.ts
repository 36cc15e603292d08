import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PDFDocument } from 'pdf-lib';
import { beforeAll, describe, expect, it } from 'vitest';
import { label, longLabel, SCRIPT_SAMPLES, scriptLabels } from '../../tests/support/label-test-data';
import { loadFontsFromDisk } from '../../tests/support/node-font-provider';
import type { FontProvider } from './fonts';
import { renderLabelsPdf } from './label-pdf';

const hasPoppler = existsSync('/usr/bin/pdftotext') && existsSync('/usr/bin/pdftoppm');
const hasZbar = existsSync('/usr/bin/zbarimg');

let fonts: FontProvider;
beforeAll(async () => {
  fonts = await loadFontsFromDisk();
});

function writeTemp(bytes: Uint8Array): { dir: string; file: string } {
  const dir = mkdtempSync(join(tmpdir(), 'sv-export-'));
  const file = join(dir, 'out.pdf');
  writeFileSync(file, bytes);
  return { dir, file };
}

describe('renderLabelsPdf', () => {
  it('makes one 288x432 pt page per label for 4x6', async () => {
    const bytes = await renderLabelsPdf([label(), label({ orderSn: 'PO-211-2' }), label({ orderSn: 'PO-211-3' })], { layout: '4x6', fonts });
    const doc = await PDFDocument.load(bytes);
    expect(doc.getPageCount()).toBe(3);
    for (const page of doc.getPages()) expect(page.getSize()).toEqual({ width: 288, height: 432 });
  });

  it.each([
    ['a4', '4up', 9, 3, 595.28, 841.89],
    ['a4', '2up', 3, 2, 595.28, 841.89],
    ['letter', '4up', 4, 1, 612, 792],
    ['letter', '2up', 5, 3, 612, 792],
  ] as const)('puts labels on %s sheets %s', async (layout, sheetLayout, count, pages, width, height) => {
    const labels = Array.from({ length: count }, (_, i) => label({ orderSn: `PO-211-${i}` }));
    const doc = await PDFDocument.load(await renderLabelsPdf(labels, { layout, sheetLayout, fonts }));
    expect(doc.getPageCount()).toBe(pages);
    const size = doc.getPage(0).getSize();
    expect(size.width).toBeCloseTo(width, 1);
    expect(size.height).toBeCloseTo(height, 1);
  });

  it('refuses an empty selection', async () => {
    await expect(renderLabelsPdf([], { layout: '4x6', fonts })).rejects.toThrow(/No orders/);
  });

  it('writes no personal data into the document metadata', async () => {
    const doc = await PDFDocument.load(await renderLabelsPdf([label()], { layout: '4x6', fonts }));
    expect(`${doc.getTitle()} ${doc.getAuthor() ?? ''} ${doc.getSubject() ?? ''}`).not.toMatch(/Jane|Main St/);
  });

  it.runIf(hasPoppler)('extracts every script back as text (ToUnicode maps are right)', async () => {
    const { file } = writeTemp(await renderLabelsPdf(scriptLabels(), { layout: '4x6', fonts }));
    const text = execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
    for (const sample of SCRIPT_SAMPLES) {
      for (const word of [sample.name, sample.street, sample.city, sample.country]) {
        expect(text, `${sample.script}: ${word}`).toContain(word);
      }
    }
    expect(text).toContain('Li Wei');
    expect(text).toContain('SKU-RED-42 Red × 2');
  });

  it.runIf(hasPoppler && hasZbar)('draws a Code 128 barcode that decodes to the order number', async () => {
    const orderSn = 'PO-211-09876543210987';
    for (const layout of ['4x6', 'a4'] as const) {
      const { dir, file } = writeTemp(await renderLabelsPdf([label({ orderSn })], { layout, fonts }));
      execFileSync('pdftoppm', ['-r', '300', '-png', '-f', '1', '-l', '1', file, join(dir, 'page')]);
      const png = readdirSync(dir).find((f) => f.endsWith('.png'))!;
      const decoded = execFileSync('zbarimg', ['--quiet', '--raw', '-Scode128.enable', join(dir, png)], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
      expect(decoded.trim().split('\n')).toContain(orderSn);
    }
  });

  it.runIf(hasPoppler)('keeps very long fields inside the page', async () => {
    const { file } = writeTemp(await renderLabelsPdf([longLabel()], { layout: '4x6', fonts }));
    // -bbox prints every word's box; none may leave the 288x432 page.
    const html = execFileSync('pdftotext', ['-bbox', file, '-'], { encoding: 'utf8' });
    const boxes = [...html.matchAll(/xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)"/g)].map((m) => m.slice(1).map(Number));
    expect(boxes.length).toBeGreaterThan(20);
    for (const [xMin, yMin, xMax, yMax] of boxes) {
      expect(xMin).toBeGreaterThanOrEqual(0);
      expect(yMin).toBeGreaterThanOrEqual(0);
      expect(xMax).toBeLessThanOrEqual(288);
      expect(yMax).toBeLessThanOrEqual(432);
    }
  });
});
