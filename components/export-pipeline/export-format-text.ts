import { i18n } from '#i18n';
import type { ExportFormat } from '../../utils/export/shipment-label';

/** Format names as the seller sees them, in menu order. */
export function exportFormatLabel(format: ExportFormat): string {
  switch (format) {
    case 'pdf-4x6':
      return i18n.t('export.format.pdf4x6');
    case 'pdf-a4':
      return i18n.t('export.format.pdfA4');
    case 'pdf-letter':
      return i18n.t('export.format.pdfLetter');
    case 'print':
      return i18n.t('export.format.print');
    case 'zpl':
      return i18n.t('export.format.zpl');
    case 'csv-generic':
      return i18n.t('export.format.csvGeneric');
    case 'csv-shippingeasy':
      return i18n.t('export.format.csvShippingEasy');
    case 'csv-shipandco':
      return i18n.t('export.format.csvShipAndCo');
    case 'csv-custom':
      return i18n.t('export.format.csvCustom');
    case 'packing-slip':
      return i18n.t('export.format.packingSlip');
  }
}

export const FORMAT_MENU: readonly ExportFormat[] = [
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
