import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PDFDocument } from 'pdf-lib';
import { beforeAll, describe, expect, it } from 'vitest';
import { label, longLabel, scriptLabels } from '../../tests/support/label-test-data';
import { loadFontsFromDisk } from '../../tests/support/node-font-provider';
import type { FontProvider } from './fonts';
import { renderPackingSlipsPdf } from './packing-slip-pdf';

const hasPoppler = existsSync('/usr/bin/pdftotext');
let fonts: FontProvider;
beforeAll(async () => {
  fonts = await loadFontsFromDisk();
});

function pdfText(bytes: Uint8Array): string {
  const file = join(mkdtempSync(join(tmpdir(), 'sv-slip-')), 'slip.pdf');
  writeFileSync(file, bytes);
  return execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
}

describe('renderPackingSlipsPdf', () => {
  it('makes a page per order on the chosen paper', async () => {
    const doc = await PDFDocument.load(await renderPackingSlipsPdf(scriptLabels(), { fonts, pageSize: 'letter' }));
    expect(doc.getPageCount()).toBe(6);
    expect(doc.getPage(0).getSize()).toEqual({ width: 612, height: 792 });
  });

  it('continues long item lists on further pages', async () => {
    const items = Array.from({ length: 60 }, (_, i) => ({ sku: `SKU-${i}`, title: `Item number ${i}`, spec: null, quantity: 1 }));
    const doc = await PDFDocument.load(await renderPackingSlipsPdf([label({ items })], { fonts }));
    expect(doc.getPageCount()).toBeGreaterThan(1);
  });

  it.runIf(hasPoppler)('shows order, items, name and address but never phone or e-mail', async () => {
    const items = Array.from({ length: 30 }, (_, i) => ({ sku: `SKU-${i}`, title: `Item number ${i}`, spec: null, quantity: i + 1 }));
    const text = pdfText(await renderPackingSlipsPdf([label({ items }, { phone: '+1 555 0199', email: 'buyer@example.com' })], { fonts }));
    for (const expected of ['PACKING SLIP', 'PO-211-01234567890123', 'Jane Doe', '1 Main St', 'Springfield, IL 62701', 'Item number 0', 'Item number 29', 'SKU-29']) {
      expect(text).toContain(expected);
    }
    expect(text).not.toContain('555 0199');
    expect(text).not.toContain('buyer@example.com');
  });

  it.runIf(hasPoppler)('prints every script', async () => {
    const text = pdfText(await renderPackingSlipsPdf(scriptLabels(), { fonts, pageSize: 'a4' }));
    for (const name of ['Zoë Béatrice Çelik', 'Łukasz Wójcik', 'Jürgen Weiß', 'Иван Петров', 'Γιώργος Παπαδόπουλος', '王小明']) expect(text).toContain(name);
  });

  it.runIf(hasPoppler)('keeps worst-case fields inside every page', async () => {
    const bytes = await renderPackingSlipsPdf([longLabel()], { fonts });
    const file = join(mkdtempSync(join(tmpdir(), 'sv-slip-')), 'slip.pdf');
    writeFileSync(file, bytes);
    const html = execFileSync('pdftotext', ['-bbox', file, '-'], { encoding: 'utf8' });
    const boxes = [...html.matchAll(/xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)"/g)].map((m) => m.slice(1).map(Number));
    expect(boxes.length).toBeGreaterThan(50);
    for (const [xMin, yMin, xMax, yMax] of boxes) {
      expect(Math.min(xMin!, yMin!)).toBeGreaterThanOrEqual(0);
      expect(xMax).toBeLessThanOrEqual(288);
      expect(yMax).toBeLessThanOrEqual(432);
    }
  });
});
