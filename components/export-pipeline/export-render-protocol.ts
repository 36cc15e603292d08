import type { ExportFile, RenderExportOptions } from '../../utils/export/index';
import type { FileExportFormat } from '../../utils/export/file-names';
import type { ShipmentLabel } from '../../utils/export/shipment-label';

/** Page → render worker: one file to produce. */
export interface RenderRequest {
  format: FileExportFormat;
  labels: ShipmentLabel[];
  options: Omit<RenderExportOptions, 'fonts'>;
  /** Where the label fonts are (chrome-extension://…/fonts/); loaded only by PDF formats. */
  fontsUrl: string;
}

/**
 * Page → render worker. `warm` comes first, as soon as the page starts and before any buyer
 * data exists: the worker loads the fonts and encodes the barcodes of the order numbers (not
 * PII) while export/prepare runs. Then one `render`.
 */
export type RenderWorkerMessage = { kind: 'warm'; fontsUrl: string; orderSns: string[] } | { kind: 'render'; request: RenderRequest };

export type RenderReply = { ok: true; file: ExportFile } | { ok: false; message: string };
