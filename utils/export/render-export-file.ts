import { renderCsv, type CsvPreset } from './csv-presets';
import { exportFileName, exportMimeType, type FileExportFormat } from './file-names';
import type { FontProvider } from './fonts';
import { renderLabelsPdf } from './label-pdf';
import { renderPackingSlipsPdf } from './packing-slip-pdf';
import type { SheetLayout } from './sheet-layout';
import type { ShipmentLabel } from './shipment-label';
import { renderLabelsZpl } from './zpl';

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

const CSV_PRESET: Partial<Record<FileExportFormat, CsvPreset>> = {
  'csv-generic': 'generic',
  'csv-shippingeasy': 'shippingeasy',
  'csv-shipandco': 'shipandco',
  'csv-custom': 'custom',
};

/** Renders `labels` in `format` and names the file; the one call the export flow needs. */
export async function renderExportFile(format: FileExportFormat, labels: ShipmentLabel[], options: RenderExportOptions): Promise<ExportFile> {
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
    case 'zpl':
      bytes = new TextEncoder().encode(renderLabelsZpl(labels, { utcOffsetMinutes, printerFont: options.zplPrinterFont }));
      break;
    default: {
      const preset = CSV_PRESET[format];
      if (!preset) throw new Error(`Unknown export format ${String(format)}`);
      // TextEncoder writes the BOM character as EF BB BF.
      bytes = new TextEncoder().encode(renderCsv(labels, { preset, customColumns: options.csvCustomColumns, utcOffsetMinutes }));
    }
  }
  return { fileName: exportFileName(format, labels.length, options.now, utcOffsetMinutes), mimeType: exportMimeType(format), bytes };
}
