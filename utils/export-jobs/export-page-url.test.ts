import { describe, expect, it } from 'vitest';
import { exportPageHash, parseExportPageHash } from './export-page-url';

describe('export page hash', () => {
  it('round-trips order numbers and the format', () => {
    const hash = exportPageHash({ orderSns: ['PO-211-1', 'PO-211-2'], format: 'csv-shipandco' });
    expect(hash.startsWith('#orders=')).toBe(true);
    expect(parseExportPageHash(hash)).toEqual({ orderSns: ['PO-211-1', 'PO-211-2'], format: 'csv-shipandco', choices: {} });
  });

  it('defaults to the print view and drops duplicates', () => {
    expect(parseExportPageHash('#orders=PO-1,PO-1,PO-2')).toEqual({ orderSns: ['PO-1', 'PO-2'], format: 'print', choices: {} });
  });

  it('round-trips run choices (issue 14) and drops unknown ones', () => {
    const choices = { profile: 'a4-4up', sortBy: 'sku', reverse: true, start: 3 } as const;
    expect(parseExportPageHash(exportPageHash({ orderSns: ['PO-1'], format: 'pdf-labels', choices }))).toEqual({ orderSns: ['PO-1'], format: 'pdf-labels', choices });
    expect(parseExportPageHash('#orders=PO-1&format=zpl&profile=zpl-4x6-300&sort=size&start=9&reverse=yes')).toEqual({
      orderSns: ['PO-1'],
      format: 'zpl',
      choices: { profile: 'zpl-4x6-300' },
    });
  });

  it('refuses unknown formats, empty lists and anything that is not an order number', () => {
    expect(parseExportPageHash('#orders=PO-1&format=exe')).toBeNull();
    expect(parseExportPageHash('#orders=')).toBeNull();
    expect(parseExportPageHash('#orders=PO-1,<img src=x>')).toBeNull();
  });
});
