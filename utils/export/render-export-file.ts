import { isTextExportFormat, type FileExportFormat } from './file-names';
import type { FontProvider } from './fonts';
import { renderPdfExportFile } from './render-pdf-file';
import type { PdfProfileId, ZplProfileId } from './print-profiles';
import type { SheetLayout } from './sheet-layout';
import { renderTextExportFile } from './render-text-file';
import type { ShipmentLabel } from './shipment-label';

export interface RenderExportOptions {
  /** Needed by the PDF formats (labels, packing slip); CSV and ZPL ignore it. */
  fonts?: FontProvider;
  /** settings.labelSheetLayout, for A4 / Letter. */
  sheetLayout?: SheetLayout;
  /** Print profile of `pdf-labels` (issue 14); default 4x6 in. */
  pdfProfile?: PdfProfileId;
  /** First cell on a partly used sheet (1-based), for `pdf-labels` on sheets. */
  startPosition?: number;
  /** Print profile of `zpl`: media and 203 / 300 dpi; default 4x6 in at 203 dpi. */
  zplProfile?: ZplProfileId;
  /** Leave the buyer's e-mail and phones out of a CSV (settings.shippingRun.csvOmitContact). */
  csvOmitContact?: boolean;
  /** settings.csvCustomColumns, for csv-custom. */
  csvCustomColumns?: { header: string; field: string }[];
  /** Page size of packing slips; default 4x6. */
  packingSlipPageSize?: '4x6' | 'a4' | 'letter';
  /** Printer-resident Unicode font for ZPL (see zpl.ts). */
  zplPrinterFont?: string;
  /** Seller's zone (minutes east of UTC) for dates in the file and its name. Default 0. */
  utcOffsetMinutes?: number;
  /** Time for the file name (and PDF creation date). */
  now: number;
}

export interface ExportFile {
  fileName: string;
  mimeType: string;
  bytes: Uint8Array;
}

/** Renders `labels` in `format` and names the file; the one call the export flow needs. */
export async function renderExportFile(format: FileExportFormat, labels: ShipmentLabel[], options: RenderExportOptions): Promise<ExportFile> {
  if (isTextExportFormat(format)) return renderTextExportFile(format, labels, options);
  return renderPdfExportFile(format, labels, options);
}
