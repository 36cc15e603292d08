import { renderCsv, type CsvPreset } from './csv-presets';
import { exportFileName, exportMimeType, isTextExportFormat, type TextExportFormat } from './file-names';
import type { ShipmentLabel } from './shipment-label';
import { renderLabelsZpl } from './zpl';

export { isTextExportFormat, type TextExportFormat };

/**
 * CSV presets and ZPL (the text formats, file-names.ts): no fonts and no PDF library, so the
 * export flow renders them on the page that asked (issue 11). Kept apart from
 * render-export-file.ts so importing it does not load pdf-lib and fontkit.
 */
export interface RenderTextFileOptions {
  /** settings.csvCustomColumns, for csv-custom. */
  csvCustomColumns?: { header: string; field: string }[];
  /** Printer-resident Unicode font for ZPL (see zpl.ts). */
  zplPrinterFont?: string;
  /** Seller's zone (minutes east of UTC) for dates in the file and its name. Default 0. */
  utcOffsetMinutes?: number;
  /** Time for the file name. */
  now: number;
}

const CSV_PRESET: Record<Exclude<TextExportFormat, 'zpl'>, CsvPreset> = {
  'csv-generic': 'generic',
  'csv-shippingeasy': 'shippingeasy',
  'csv-shipandco': 'shipandco',
  'csv-custom': 'custom',
};

export function renderTextExportFile(format: TextExportFormat, labels: ShipmentLabel[], options: RenderTextFileOptions): { fileName: string; mimeType: string; bytes: Uint8Array } {
  const utcOffsetMinutes = options.utcOffsetMinutes ?? 0;
  const text =
    format === 'zpl'
      ? renderLabelsZpl(labels, { utcOffsetMinutes, printerFont: options.zplPrinterFont })
      : renderCsv(labels, { preset: CSV_PRESET[format], customColumns: options.csvCustomColumns, utcOffsetMinutes });
  // TextEncoder writes the CSV's BOM character as EF BB BF.
  return { fileName: exportFileName(format, labels.length, options.now, utcOffsetMinutes), mimeType: exportMimeType(format), bytes: new TextEncoder().encode(text) };
}
