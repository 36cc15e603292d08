import type { Code128Symbol } from '../../utils/export/barcode-symbols';
import type { ExportFile, RenderExportOptions } from '../../utils/export/index';
import type { FileExportFormat } from '../../utils/export/file-names';
import type { PdfExportFormat } from '../../utils/export/render-pdf-file';
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
 * Page → render worker, over the page's own port of the shared worker (render-host.ts).
 * `warm` comes first, before any buyer data exists: the worker loads the fonts for the order
 * numbers (not PII). `barcodes`: the order numbers' Code 128 symbols, encoded by the page (the
 * worker does not carry the encoder). `rehearse` (popup only): a throw-away render of sample
 * labels, nothing personal in them, so the render code is compiled before the seller clicks
 * Export. `render`: one file; the worker answers and keeps nothing of it.
 */
export type RenderWorkerMessage =
  | { kind: 'warm'; fontsUrl: string; orderSns: string[] }
  | { kind: 'barcodes'; symbols: [string, Code128Symbol][] }
  | { kind: 'rehearse'; format: PdfExportFormat; fontsUrl: string; orderSns: string[]; symbols: [string, Code128Symbol][] }
  | { kind: 'render'; request: RenderRequest };

export type RenderReply = { ok: true; file: ExportFile } | { ok: false; message: string };

/**
 * Render worker → page: `ready` as soon as the page's port is connected; `barcodes-missing`
 * answers a `warm` with the order numbers whose symbols the worker does not hold yet (none when
 * the popup handed them over while the seller decided: the export tab then need not encode them);
 * `rendered` answers a `render`.
 */
export type RenderWorkerReply = { kind: 'ready' } | { kind: 'barcodes-missing'; orderSns: string[] } | { kind: 'rendered'; reply: RenderReply };
