import { describe, expect, it, vi } from 'vitest';
import { FileRecordedDueError, runFileExport, type FileExportSteps } from './file-export-runner';
import type { PreparedExport } from '../../utils/export-jobs/export-messages';

const prepared = {
  labels: [{ orderSn: 'PO-1' }, { orderSn: 'PO-2' }],
  skipped: [],
  labelSheetLayout: '2up',
  csvCustomColumns: [{ header: 'N', field: 'orderSn' }],
  at: 1_700_000_000_000,
} as unknown as PreparedExport;

function steps(over: Partial<FileExportSteps> = {}): FileExportSteps {
  return {
    render: vi.fn(async () => ({ fileName: 'seller-vault-labels-4x6-x-2-orders.pdf', mimeType: 'application/pdf', bytes: new Uint8Array([37, 80, 68, 70]) })),
    download: vi.fn(async () => ({ downloadId: 42, finished: Promise.resolve('complete' as const) })),
    record: vi.fn(async () => ({ exportId: 1, purgeAt: 0 })),
    discard: vi.fn(async () => undefined),
    ...over,
  };
}

describe('runFileExport', () => {
  it('renders with the prepared settings, downloads, then records the tracked file', async () => {
    const s = steps();
    const phases: string[] = [];
    const out = await runFileExport('pdf-4x6', prepared, { fontsUrl: 'chrome-extension://x/fonts/', utcOffsetMinutes: 480 }, s, (p) => phases.push(p));
    expect(s.render).toHaveBeenCalledWith({
      format: 'pdf-4x6',
      labels: prepared.labels,
      fontsUrl: 'chrome-extension://x/fonts/',
      options: { now: prepared.at, utcOffsetMinutes: 480, sheetLayout: '2up', csvCustomColumns: prepared.csvCustomColumns },
    });
    const [blob, name] = vi.mocked(s.download).mock.calls[0]!;
    expect(name).toBe('seller-vault-labels-4x6-x-2-orders.pdf');
    expect(blob.type).toBe('application/pdf');
    expect(blob.size).toBe(4);
    expect(s.record).toHaveBeenCalledWith({ downloadId: 42, fileName: 'seller-vault-labels-4x6-x-2-orders.pdf', format: 'pdf-4x6', orderSns: ['PO-1', 'PO-2'] });
    expect(phases).toEqual(['rendering', 'saving', 'recording', 'done']);
    expect(out.orderSns).toEqual(['PO-1', 'PO-2']);
    expect(s.discard).not.toHaveBeenCalled();
  });

  it('removes the file again when it cannot be tracked (no untracked PII on disk)', async () => {
    const s = steps({ record: vi.fn(async () => Promise.reject(new Error('quota'))) });
    await expect(runFileExport('csv-generic', prepared, { fontsUrl: '', utcOffsetMinutes: 0 }, s, () => undefined)).rejects.toThrow('quota');
    expect(s.discard).toHaveBeenCalledWith(42);
  });

  it('records a file it can neither track nor remove as a live export due now, so the sweep retries it', async () => {
    const record = vi.fn(async (entry: { dueNow?: boolean }) => (entry.dueNow ? { exportId: 2, purgeAt: 0 } : Promise.reject(new Error('busy'))));
    const s = steps({ record, discard: vi.fn(async () => Promise.reject(new Error('file is locked'))) });
    const run = runFileExport('csv-generic', prepared, { fontsUrl: '', utcOffsetMinutes: 0 }, s, () => undefined);
    await expect(run).rejects.toBeInstanceOf(FileRecordedDueError);
    expect(s.discard).toHaveBeenCalledWith(42);
    expect(record).toHaveBeenCalledTimes(2);
    expect(record.mock.calls[1]![0]).toEqual({
      downloadId: 42,
      fileName: 'seller-vault-labels-4x6-x-2-orders.pdf',
      format: 'csv-generic',
      orderSns: ['PO-1', 'PO-2'],
      dueNow: true,
    });
  });

  it('surfaces the original error when neither tracking, removing nor the due record works', async () => {
    const s = steps({ record: vi.fn(async () => Promise.reject(new Error('quota'))), discard: vi.fn(async () => Promise.reject(new Error('locked'))) });
    await expect(runFileExport('csv-generic', prepared, { fontsUrl: '', utcOffsetMinutes: 0 }, s, () => undefined)).rejects.toThrow('quota');
    expect(s.record).toHaveBeenCalledTimes(2);
  });

  it('writes nothing when rendering fails', async () => {
    const s = steps({ render: vi.fn(async () => Promise.reject(new Error('font missing'))) });
    await expect(runFileExport('pdf-a4', prepared, { fontsUrl: '', utcOffsetMinutes: 0 }, s, () => undefined)).rejects.toThrow('font missing');
    expect(s.download).not.toHaveBeenCalled();
    expect(s.record).not.toHaveBeenCalled();
  });
});
