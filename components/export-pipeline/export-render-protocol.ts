import type { Code128Symbol } from '../../utils/export/barcode-symbols';
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
 * data exists: the worker loads the fonts for the order numbers (not PII) while export/prepare
 * runs. `barcodes`: the order numbers' Code 128 symbols, encoded by the page meanwhile (the
 * worker does not carry the encoder). Then one `render`.
 */
export type RenderWorkerMessage =
  | { kind: 'warm'; fontsUrl: string; orderSns: string[] }
  | { kind: 'barcodes'; symbols: [string, Code128Symbol][] }
  | { kind: 'render'; request: RenderRequest };

export type RenderReply = { ok: true; file: ExportFile } | { ok: false; message: string };
