import { DEFAULT_SETTINGS } from '../../utils/settings/settings-schema';
import { describe, expect, it, vi } from 'vitest';
import { FileRecordedDueError, runFileExport, type FileExportSteps } from './file-export-runner';
import type { PreparedExport } from '../../utils/export-jobs/export-messages';

const prepared = {
  labels: [{ orderSn: 'PO-1' }, { orderSn: 'PO-2' }],
  skipped: [],
  labelSheetLayout: '2up',
  shippingRun: DEFAULT_SETTINGS.shippingRun,
  csvCustomColumns: [{ header: 'N', field: 'orderSn' }],
  at: 1_700_000_000_000,
} as unknown as PreparedExport;

function steps(over: Partial<FileExportSteps> = {}): FileExportSteps {
  return {
    render: vi.fn(async () => ({ fileName: 'seller-vault-labels-4x6-x-2-orders.pdf', mimeType: 'application/pdf', bytes: new Uint8Array([37, 80, 68, 70]) })),
    save: vi.fn(async () => ({ downloadId: 42, exportId: 1, purgeAt: 0, dueNow: false, finished: Promise.resolve('complete' as const) })),
    ...over,
  };
}

describe('runFileExport', () => {
  it('renders with the prepared settings, then saves the file with what tracks it', async () => {
    const s = steps();
    const phases: string[] = [];
    const out = await runFileExport('pdf-4x6', prepared, { fontsUrl: 'chrome-extension://x/fonts/', utcOffsetMinutes: 480 }, s, (p) => phases.push(p));
    expect(s.render).toHaveBeenCalledWith({
      format: 'pdf-4x6',
      labels: prepared.labels,
      fontsUrl: 'chrome-extension://x/fonts/',
      options: {
        now: prepared.at,
        utcOffsetMinutes: 480,
        sheetLayout: '2up',
        csvCustomColumns: prepared.csvCustomColumns,
        // The seller's default profiles travel with every render (issue 14).
        pdfProfile: 'label-4x6',
        zplProfile: 'zpl-4x6-203',
        csvOmitContact: false,
      },
    });
    const [blob, entry] = vi.mocked(s.save).mock.calls[0]!;
    expect(blob.type).toBe('application/pdf');
    expect(blob.size).toBe(4);
    expect(entry).toEqual({ fileName: 'seller-vault-labels-4x6-x-2-orders.pdf', format: 'pdf-4x6', orderSns: ['PO-1', 'PO-2'] });
    expect(phases).toEqual(['rendering', 'saving', 'done']);
    expect(out).toMatchObject({ fileName: 'seller-vault-labels-4x6-x-2-orders.pdf', downloadId: 42, orderSns: ['PO-1', 'PO-2'] });
    await expect(out.finished).resolves.toBe('complete');
  });

  it('reports a file the background could only track as due now', async () => {
    const s = steps({ save: vi.fn(async () => ({ downloadId: 42, exportId: 2, purgeAt: 0, dueNow: true, finished: Promise.resolve('complete' as const) })) });
    await expect(runFileExport('csv-generic', prepared, { fontsUrl: '', utcOffsetMinutes: 0 }, s, () => undefined)).rejects.toBeInstanceOf(FileRecordedDueError);
  });

  it('passes a failed save on', async () => {
    const s = steps({ save: vi.fn(async () => Promise.reject(new Error('quota'))) });
    await expect(runFileExport('csv-generic', prepared, { fontsUrl: '', utcOffsetMinutes: 0 }, s, () => undefined)).rejects.toThrow('quota');
  });

  it('saves nothing when rendering fails', async () => {
    const s = steps({ render: vi.fn(async () => Promise.reject(new Error('font missing'))) });
    await expect(runFileExport('pdf-a4', prepared, { fontsUrl: '', utcOffsetMinutes: 0 }, s, () => undefined)).rejects.toThrow('font missing');
    expect(s.save).not.toHaveBeenCalled();
  });
});
