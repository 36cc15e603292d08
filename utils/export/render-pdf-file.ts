import { exportFileName, exportMimeType, type FileExportFormat, type TextExportFormat } from './file-names';
import type { FontProvider } from './fonts';
import { renderLabelsPdf } from './label-pdf';
import { renderPackingSlipsPdf } from './packing-slip-pdf';
import { renderPickListPdf } from './pick-list-pdf';
import { pdfProfile } from './print-profiles';
import type { ExportFile, RenderExportOptions } from './render-export-file';
import type { ShipmentLabel } from './shipment-label';

/** The PDF formats (labels and packing slips): they need the label fonts. */
export type PdfExportFormat = Exclude<FileExportFormat, TextExportFormat>;

/**
 * Renders a PDF export file. Apart from render-export-file.ts so the render worker, which only
 * makes PDFs, does not load the CSV and ZPL code (papaparse, the country-name tables).
 */
export async function renderPdfExportFile(format: PdfExportFormat, labels: ShipmentLabel[], options: RenderExportOptions): Promise<ExportFile> {
  const fonts = (): FontProvider => {
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
    case 'pdf-labels':
      bytes = await renderLabelsPdf(labels, {
        profile: pdfProfile(options.pdfProfile ?? 'label-4x6'),
        startPosition: options.startPosition,
        fonts: fonts(),
        utcOffsetMinutes,
        createdAt: options.now,
      });
      break;
    case 'pick-list':
      // The pick list goes on office paper: the sheet size of the profile, else A4.
      bytes = await renderPickListPdf(labels, { paper: options.pdfProfile?.startsWith('letter') ? 'letter' : 'a4', fonts: fonts(), utcOffsetMinutes, createdAt: options.now });
      break;
    case 'packing-slip':
      bytes = await renderPackingSlipsPdf(labels, { pageSize: options.packingSlipPageSize, fonts: fonts(), utcOffsetMinutes, createdAt: options.now });
      break;
    default:
      throw new Error(`Unknown export format ${String(format)}`);
  }
  return { fileName: exportFileName(format, labels.length, options.now, utcOffsetMinutes), mimeType: exportMimeType(format), bytes };
}
