/**
 * Public API of the export file formats (issue 6, rendering half). Pure: no `browser.*`,
 * no DOM; runs in an extension page, a worker or Node. Callers (export-ui) load fonts and
 * hand over `ShipmentLabel`s; these functions return the file contents.
 */
export { EXPORT_FORMATS, type ExportFormat, type ShipmentLabel } from './shipment-label';

// File names (no personal data) and MIME types.
export { exportFileName, exportMimeType, type FileExportFormat } from './file-names';

// Fonts: the caller loads bytes (fetch in the extension, fs in Node) through a FontProvider.
export { createFontProvider, loadFontsFromUrl, type FontProvider, type FontManifest } from './fonts';

// PDF: 4x6 thermal labels, A4 / Letter sheets (4-up or 2-up, cut guides), packing slips.
export { renderLabelsPdf, type LabelPdfLayout, type RenderLabelsPdfOptions } from './label-pdf';
export { renderPackingSlipsPdf, type RenderPackingSlipsOptions } from './packing-slip-pdf';

// ZPL for Zebra direct-thermal printers.
export { renderLabelsZpl, type RenderZplOptions } from './zpl';

// CSV presets, custom columns, formula neutralization.
export { CSV_FIELDS, type CsvField, type CsvPreset, isCsvField, renderCsv, type RenderCsvOptions } from './csv-presets';
export { neutralizeCsvCell } from './csv-safety';

// One entry point for every file format (picks the renderer above); CSV and ZPL alone (no PDF library loaded).
export { renderExportFile, type ExportFile, type RenderExportOptions } from './render-export-file';
export { renderTextExportFile } from './render-text-file';
export { renderPdfExportFile, type PdfExportFormat } from './render-pdf-file';
export { isTextExportFormat, TEXT_EXPORT_FORMATS, type TextExportFormat } from './file-names';
// Work a label render does before its buyer data arrives (fonts, barcodes of the order numbers).
export { warmLabelRenderer } from './render-warmup';
export { encodeCode128Ahead } from './barcode';
export { type Code128Symbol, ensureCode128Symbols, rememberCode128 } from './barcode-symbols';
export type { SheetLayout } from './sheet-layout';
export { splitName } from './name-split';
