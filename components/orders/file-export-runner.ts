import type { ExportFile } from '../../utils/export';
import type { FileExportFormat } from '../../utils/export/file-names';
import type { PreparedExport } from '../../utils/messaging/protocol/export';
import type { RenderRequest } from './export-render-protocol';

export type FileExportPhase = 'rendering' | 'saving' | 'recording' | 'done';

export interface FileExportSteps {
  render: (request: RenderRequest) => Promise<ExportFile>;
  download: (blob: Blob, fileName: string) => Promise<{ downloadId: number; finished: Promise<'complete' | 'interrupted'> }>;
  record: (entry: { downloadId: number; fileName: string; format: FileExportFormat; orderSns: string[] }) => Promise<unknown>;
  discard: (downloadId: number) => Promise<void>;
}

export interface FileExportOutcome {
  fileName: string;
  downloadId: number;
  orderSns: string[];
  finished: Promise<'complete' | 'interrupted'>;
}

/**
 * Prepared data → file → download → tracked export (issue 6). A file that cannot be tracked
 * is removed again: an untracked file with buyer PII would escape the 28-day deletion.
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
  try {
    await steps.record({ downloadId, fileName: file.fileName, format, orderSns });
  } catch (err) {
    await steps.discard(downloadId);
    throw err;
  }
  onPhase('done');
  return { fileName: file.fileName, downloadId, orderSns, finished };
}
