import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PDFDocument } from 'pdf-lib';
import { beforeAll, describe, expect, it } from 'vitest';
import { label } from '../../tests/support/label-test-data';
import { loadFontsFromDisk } from '../../tests/support/node-font-provider';
import type { FontProvider } from './fonts';
import { renderPickListPdf } from './pick-list-pdf';

let fonts: FontProvider;
beforeAll(async () => {
  fonts = await loadFontsFromDisk();
});

describe('renderPickListPdf (issue 14)', () => {
  it('lists SKU, item, quantity and orders sorted by SKU, with totals and no buyer data', async () => {
    const labels = [
      label({ orderSn: 'PO-1', items: [{ sku: 'SKU-10', title: '不锈钢保温杯', spec: '银色', quantity: 2 }] }, { name: 'Hidden Buyer' }),
      label({
        orderSn: 'PO-2',
        items: [
          { sku: 'SKU-2', title: 'Cup', spec: null, quantity: 1 },
          { sku: 'SKU-10', title: '不锈钢保温杯', spec: '银色', quantity: 1 },
        ],
      }),
    ];
    const bytes = await renderPickListPdf(labels, { fonts, createdAt: Date.UTC(2026, 11, 2) });
    const doc = await PDFDocument.load(bytes);
    expect(doc.getPage(0).getSize()).toEqual({ width: 595.28, height: 841.89 });
    if (!existsSync('/usr/bin/pdftotext')) return;
    const dir = mkdtempSync(join(tmpdir(), 'sv-pick-'));
    writeFileSync(join(dir, 'p.pdf'), bytes);
    const text = execFileSync('pdftotext', ['-layout', join(dir, 'p.pdf'), '-'], { encoding: 'utf8' });
    const rows = text.split('\n').filter((l) => /SKU-\d/.test(l));
    expect(rows[0]).toMatch(/SKU-2\s+Cup\s+1\s+1/);
    expect(rows[1]).toMatch(/SKU-10\s+不锈钢保温杯 · 银色\s+3\s+2/);
    expect(text).toMatch(/Total\s+4\s+2/);
    expect(text).not.toContain('Hidden Buyer');
    expect(text).not.toContain('PO-1');
  });

  it('continues on further pages for long runs', async () => {
    const labels = Array.from({ length: 120 }, (_, i) => label({ orderSn: `PO-${i}`, items: [{ sku: `SKU-${i}`, title: `Item ${i}`, spec: null, quantity: 1 }] }));
    const doc = await PDFDocument.load(await renderPickListPdf(labels, { fonts, paper: 'letter' }));
    expect(doc.getPageCount()).toBeGreaterThan(1);
    expect(doc.getPage(0).getSize()).toEqual({ width: 612, height: 792 });
  });
});
