import type { ExportFile } from '../../utils/export/index';
import type { FileExportFormat } from '../../utils/export/file-names';
import type { RenderRequest } from './export-render-protocol';
import type { PreparedExport } from '../../utils/export-jobs/export-messages';
import type { SavedFile } from './downloads-adapter';

export type FileExportPhase = 'rendering' | 'saving' | 'done';

export interface FileExportSteps {
  render: (request: RenderRequest) => Promise<ExportFile>;
  /** Downloads and tracks the file in one step (export/save). */
  save: (blob: Blob, entry: { fileName: string; format: FileExportFormat; orderSns: string[] }) => Promise<SavedFile>;
}

/** The file could not be tracked normally nor removed; it was recorded as due now (the retention sweep deletes it). */
export class FileRecordedDueError extends Error {
  constructor() {
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
 * Prepared data → file → download and tracked export (issues 6, 11). The background starts the
 * download and tracks it in one step; a file it cannot track it removes again, or, when it
 * cannot remove it either, tracks as due now (the retention sweep deletes it).
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
  const saved = await steps.save(blob, { fileName: file.fileName, format, orderSns });
  if (saved.dueNow) throw new FileRecordedDueError();
  onPhase('done');
  return { fileName: file.fileName, downloadId: saved.downloadId, orderSns, finished: saved.finished };
}
