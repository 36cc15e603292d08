import type { ExportFile } from '../../utils/export/index';
import type { FileExportFormat } from '../../utils/export/file-names';
import type { RenderRequest } from './export-render-protocol';
import type { PreparedExport } from '../../utils/export-jobs/export-messages';

export type FileExportPhase = 'rendering' | 'saving' | 'recording' | 'done';

export interface FileExportSteps {
  render: (request: RenderRequest) => Promise<ExportFile>;
  download: (blob: Blob, fileName: string) => Promise<{ downloadId: number; finished: Promise<'complete' | 'interrupted'> }>;
  record: (entry: { downloadId: number; fileName: string; format: FileExportFormat; orderSns: string[]; dueNow?: boolean }) => Promise<unknown>;
  discard: (downloadId: number) => Promise<void>;
}

/** The file could be neither tracked normally nor removed; it was recorded as due now (the retention sweep deletes it). */
export class FileRecordedDueError extends Error {
  constructor(readonly recordError: unknown) {
    super('export file recorded as due now');
    this.name = 'FileRecordedDueError';
  }
}

export interface FileExportOutcome {
  fileName: string;
  downloadId: number;
  orderSns: string[];
  finished: Promise<'complete' | 'interrupted'>;
}

/**
 * Prepared data → file → download → tracked export (issue 6). A file that cannot be tracked
 * is removed again: an untracked file with buyer PII would escape the 28-day deletion. If it
 * cannot be removed either, it is recorded as a live export due now (the sweep retries it).
 */
export async function runFileExport(
  format: FileExportFormat,
  prepared: PreparedExport,
  context: { fontsUrl: string; utcOffsetMinutes: number },
  steps: FileExportSteps,
  onPhase: (phase: FileExportPhase) => void,
): Promise<FileExportOutcome> {
  const orderSns = prepared.labels.map((l) => l.orderSn);
  onPhase('rendering');
  const file = await steps.render({
    format,
    labels: prepared.labels,
    fontsUrl: context.fontsUrl,
    options: {
      now: prepared.at,
      utcOffsetMinutes: context.utcOffsetMinutes,
      sheetLayout: prepared.labelSheetLayout,
      csvCustomColumns: prepared.csvCustomColumns,
    },
  });
  onPhase('saving');
  const blob = new Blob([file.bytes as Uint8Array<ArrayBuffer>], { type: file.mimeType });
  const { downloadId, finished } = await steps.download(blob, file.fileName);
  onPhase('recording');
  const entry = { downloadId, fileName: file.fileName, format, orderSns };
  try {
    await steps.record(entry);
  } catch (err) {
    try {
      await steps.discard(downloadId);
    } catch {
      // Still on disk and untracked: track it as due now so the retention sweep removes it (and
      // retries until it can). If even that fails, the original error is what the seller sees.
      await steps.record({ ...entry, dueNow: true }).then(
        () => Promise.reject(new FileRecordedDueError(err)),
        () => Promise.reject(err),
      );
    }
    throw err;
  }
  onPhase('done');
  return { fileName: file.fileName, downloadId, orderSns, finished };
}
