import type { ExportFile } from '../../utils/export/index';
import type { FileExportFormat } from '../../utils/export/file-names';
import type { RenderRequest } from './export-render-protocol';
import type { PreparedExport } from '../../utils/export-jobs/export-messages';
import type { SavedFile } from './downloads-adapter';
import type { RunChoices } from '../../utils/export-jobs/export-page-url';
import { isPdfProfileId, isZplProfileId } from '../../utils/export/print-profiles';
import type { Settings } from '../../utils/settings/settings-schema';

const CSV_PRESET_OF = { 'csv-generic': 'generic', 'csv-shippingeasy': 'shippingeasy', 'csv-shipandco': 'shipandco', 'csv-custom': 'custom' } as const;

/** The run's print profile (the run's choice, else the seller's default for the format), start cell and CSV options (issue 14). */
export function runRenderOptions(format: FileExportFormat, run: Settings['shippingRun'], choices: RunChoices = {}) {
  const preset = CSV_PRESET_OF[format as keyof typeof CSV_PRESET_OF];
  return {
    pdfProfile: choices.profile && isPdfProfileId(choices.profile) ? choices.profile : run.pdfProfile,
    zplProfile: choices.profile && isZplProfileId(choices.profile) ? choices.profile : run.zplProfile,
    ...(choices.start !== undefined ? { startPosition: choices.start } : {}),
    csvOmitContact: preset !== undefined && run.csvOmitContact.includes(preset),
  };
}

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
  context: { fontsUrl: string; utcOffsetMinutes: number; choices?: RunChoices },
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
      ...runRenderOptions(format, prepared.shippingRun, context.choices),
    },
  });
  onPhase('saving');
  const blob = new Blob([file.bytes as Uint8Array<ArrayBuffer>], { type: file.mimeType });
  const saved = await steps.save(blob, { fileName: file.fileName, format, orderSns });
  if (saved.dueNow) throw new FileRecordedDueError();
  onPhase('done');
  return { fileName: file.fileName, downloadId: saved.downloadId, orderSns, finished: saved.finished };
}
