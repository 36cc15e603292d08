import { i18n } from '../common/i18n';
import { EXPORT_FORMATS, type ExportFormat } from '../../utils/export/shipment-label';

/** Format names as the seller sees them: one table, checked complete by the type. */
const FORMAT_TEXT = {
  'pdf-4x6': 'export.format.pdf4x6',
  'pdf-a4': 'export.format.pdfA4',
  'pdf-letter': 'export.format.pdfLetter',
  'pdf-labels': 'export.format.pdfLabels',
  'pick-list': 'export.format.pickList',
  print: 'export.format.print',
  zpl: 'export.format.zpl',
  'csv-generic': 'export.format.csvGeneric',
  'csv-shippingeasy': 'export.format.csvShippingEasy',
  'csv-shipandco': 'export.format.csvShipAndCo',
  'csv-custom': 'export.format.csvCustom',
  'packing-slip': 'export.format.packingSlip',
} as const satisfies Record<ExportFormat, string>;

export function exportFormatText(format: ExportFormat): string {
  return i18n.t(FORMAT_TEXT[format]);
}

/**
 * A format as stored with an export (history, an order's last export): its name when it is one
 * this build knows, else the stored text as is (a record from a newer build), '?' when none.
 */
export function storedFormatText(format: string | null): string {
  if (format === null) return '?';
  return (EXPORT_FORMATS as readonly string[]).includes(format) ? exportFormatText(format as ExportFormat) : format;
}

/** Menu order. */
export const FORMAT_MENU: readonly ExportFormat[] = [
  'pdf-labels',
  'pick-list',
  'pdf-4x6',
  'pdf-a4',
  'pdf-letter',
  'print',
  'zpl',
  'csv-generic',
  'csv-shippingeasy',
  'csv-shipandco',
  'csv-custom',
  'packing-slip',
];
