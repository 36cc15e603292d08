import { describe, expect, it } from 'vitest';
import { EXPORT_FORMATS } from './shipment-label';
import { exportFileName, exportMimeType, type FileExportFormat } from './file-names';

const NOW = Date.UTC(2026, 10, 25, 9, 30, 59);

describe('exportFileName', () => {
  it('matches the issue example', () => {
    expect(exportFileName('pdf-4x6', 12, NOW)).toBe('seller-vault-labels-4x6-2026-11-25T0930-12-orders.pdf');
  });

  it('uses the seller offset and singular for one order', () => {
    expect(exportFileName('csv-shipandco', 1, NOW, 8 * 60)).toBe('seller-vault-orders-shipandco-2026-11-25T1730-1-order.csv');
    expect(exportFileName('zpl', 3, NOW, -10 * 60)).toBe('seller-vault-labels-2026-11-24T2330-3-orders.zpl');
  });

  it('gives every file format a distinct, PII-free, filesystem-safe name', () => {
    const formats = EXPORT_FORMATS.filter((f): f is FileExportFormat => f !== 'print');
    const names = formats.map((f) => exportFileName(f, 2, NOW));
    expect(new Set(names).size).toBe(formats.length);
    for (const name of names) expect(name).toMatch(/^seller-vault-[a-z0-9-]+-2026-11-25T0930-2-orders\.(pdf|csv|zpl)$/);
    for (const f of formats) expect(exportMimeType(f)).toMatch(/^(application|text)\//);
  });

  it('refuses nonsense counts', () => {
    expect(() => exportFileName('pdf-a4', -1, NOW)).toThrow();
    expect(() => exportFileName('pdf-a4', 1.5, NOW)).toThrow();
  });
});
