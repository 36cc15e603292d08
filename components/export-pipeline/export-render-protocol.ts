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

export type RenderReply = { ok: true; file: ExportFile } | { ok: false; message: string };
