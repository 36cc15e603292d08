import { readdirSync, readFileSync } from 'node:fs';
import { PDFDocument } from 'pdf-lib';
import { beforeAll, describe, expect, it } from 'vitest';
import { label } from '../../tests/support/label-test-data';
import { loadFontsFromDisk } from '../../tests/support/node-font-provider';
import type { FontProvider } from './fonts';
import { EXPORT_FORMATS } from './shipment-label';
import { renderExportFile } from './render-export-file';
import type { FileExportFormat } from './file-names';

const NOW = Date.UTC(2026, 10, 25, 9, 30);
let fonts: FontProvider;
beforeAll(async () => {
  fonts = await loadFontsFromDisk();
});

describe('renderExportFile', () => {
  it('renders every file format with its name and type', async () => {
    const formats = EXPORT_FORMATS.filter((f): f is FileExportFormat => f !== 'print');
    for (const format of formats) {
      const file = await renderExportFile(format, [label(), label({ orderSn: 'PO-2' })], {
        fonts,
        now: NOW,
        csvCustomColumns: [{ header: 'Order', field: 'orderSn' }],
      });
      expect(file.fileName).toContain('2026-11-25T0930-2-orders');
      expect(file.bytes.length).toBeGreaterThan(20);
      if (file.mimeType === 'application/pdf') {
        expect(new TextDecoder().decode(file.bytes.slice(0, 5))).toBe('%PDF-');
        await expect(PDFDocument.load(file.bytes)).resolves.toBeTruthy();
      }
      if (format.startsWith('csv')) expect([...file.bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      if (format === 'zpl') expect(new TextDecoder().decode(file.bytes)).toContain('^CI28');
    }
  });

  it('asks for fonts when a PDF is wanted', async () => {
    await expect(renderExportFile('pdf-4x6', [label()], { now: NOW })).rejects.toThrow(/Fonts are required/);
  });
});

describe('MV3 CSP: no eval or new Function in the export code path', () => {
  it('imports every export module in Node and finds no dynamic code in their sources', async () => {
    // Importing runs module top-level code (bwip-js, pdf-lib, papaparse, i18n-iso-countries).
    const api = await import('./index');
    expect(typeof api.renderLabelsPdf).toBe('function');
    const dir = new URL('.', import.meta.url);
    for (const file of readdirSync(dir).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))) {
      const source = readFileSync(new URL(file, dir), 'utf8');
      expect(source, file).not.toMatch(/new Function|\beval\(/);
    }
  });
});
