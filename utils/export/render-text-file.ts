import { renderCsv, type CsvPreset } from './csv-presets';
import { exportFileName, exportMimeType, isTextExportFormat, type TextExportFormat } from './file-names';
import type { ShipmentLabel } from './shipment-label';
import { type ZplProfileId, zplProfile } from './print-profiles';
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
  /** Media and resolution of ZPL (issue 14); default 4x6 in at 203 dpi. */
  zplProfile?: ZplProfileId;
  /** Leave the buyer's e-mail and phones out of a CSV. */
  csvOmitContact?: boolean;
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
  const zpl = format === 'zpl' ? zplProfile(options.zplProfile ?? 'zpl-4x6-203') : null;
  const text = zpl
    ? renderLabelsZpl(labels, { utcOffsetMinutes, printerFont: options.zplPrinterFont, dpi: zpl.dpi, media: zpl.media })
    : renderCsv(labels, {
        preset: CSV_PRESET[format as Exclude<TextExportFormat, 'zpl'>],
        customColumns: options.csvCustomColumns,
        utcOffsetMinutes,
        omitContact: options.csvOmitContact,
      });
  // TextEncoder writes the CSV's BOM character as EF BB BF.
  return { fileName: exportFileName(format, labels.length, options.now, utcOffsetMinutes), mimeType: exportMimeType(format), bytes: new TextEncoder().encode(text) };
}
