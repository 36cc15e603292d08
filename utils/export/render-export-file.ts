import { exportFileName, exportMimeType, type FileExportFormat } from './file-names';
import type { FontProvider } from './fonts';
import { renderLabelsPdf } from './label-pdf';
import { renderPackingSlipsPdf } from './packing-slip-pdf';
import type { SheetLayout } from './sheet-layout';
import { isTextExportFormat, renderTextExportFile } from './render-text-file';
import type { ShipmentLabel } from './shipment-label';

export interface RenderExportOptions {
  /** Needed by the PDF formats (labels, packing slip); CSV and ZPL ignore it. */
  fonts?: FontProvider;
  /** settings.labelSheetLayout, for A4 / Letter. */
  sheetLayout?: SheetLayout;
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
  const fonts = () => {
    if (!options.fonts) throw new Error(`Fonts are required for ${format}.`);
    return options.fonts;
  };
  const utcOffsetMinutes = options.utcOffsetMinutes ?? 0;
  let bytes: Uint8Array;
  switch (format) {
    case 'pdf-4x6':
    case 'pdf-a4':
    case 'pdf-letter': {
      const layout = format === 'pdf-4x6' ? '4x6' : format === 'pdf-a4' ? 'a4' : 'letter';
      bytes = await renderLabelsPdf(labels, { layout, sheetLayout: options.sheetLayout, fonts: fonts(), utcOffsetMinutes, createdAt: options.now });
      break;
    }
    case 'packing-slip':
      bytes = await renderPackingSlipsPdf(labels, { pageSize: options.packingSlipPageSize, fonts: fonts(), utcOffsetMinutes, createdAt: options.now });
      break;
    default:
      throw new Error(`Unknown export format ${String(format)}`);
  }
  return { fileName: exportFileName(format, labels.length, options.now, utcOffsetMinutes), mimeType: exportMimeType(format), bytes };
}
