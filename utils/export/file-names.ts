import type { ExportFormat } from './shipment-label';

/** Formats that produce a file ('print' opens the print view instead). */
export type FileExportFormat = Exclude<ExportFormat, 'print'>;

/**
 * The file formats that need no fonts and no PDF library (CSV presets and ZPL): text, rendered
 * in milliseconds, so the export flow makes them on the page that asked (issue 11; renderer:
 * render-text-file.ts, kept apart so this list costs a page nothing).
 */
export const TEXT_EXPORT_FORMATS = ['zpl', 'csv-generic', 'csv-shippingeasy', 'csv-shipandco', 'csv-custom'] as const satisfies readonly FileExportFormat[];
export type TextExportFormat = (typeof TEXT_EXPORT_FORMATS)[number];

export function isTextExportFormat(format: string): format is TextExportFormat {
  return (TEXT_EXPORT_FORMATS as readonly string[]).includes(format);
}

const FILE_PARTS: Record<FileExportFormat, { kind: string; extension: string; mimeType: string }> = {
  'pdf-4x6': { kind: 'labels-4x6', extension: 'pdf', mimeType: 'application/pdf' },
  'pdf-a4': { kind: 'labels-a4', extension: 'pdf', mimeType: 'application/pdf' },
  'pdf-letter': { kind: 'labels-letter', extension: 'pdf', mimeType: 'application/pdf' },
  'pdf-labels': { kind: 'labels', extension: 'pdf', mimeType: 'application/pdf' },
  'pick-list': { kind: 'pick-list', extension: 'pdf', mimeType: 'application/pdf' },
  'packing-slip': { kind: 'packing-slips', extension: 'pdf', mimeType: 'application/pdf' },
  // Zebra's own tools and most print utilities look for .zpl.
  zpl: { kind: 'labels', extension: 'zpl', mimeType: 'application/octet-stream' },
  'csv-generic': { kind: 'orders-generic', extension: 'csv', mimeType: 'text/csv;charset=utf-8' },
  'csv-shippingeasy': { kind: 'orders-shippingeasy', extension: 'csv', mimeType: 'text/csv;charset=utf-8' },
  'csv-shipandco': { kind: 'orders-shipandco', extension: 'csv', mimeType: 'text/csv;charset=utf-8' },
  'csv-custom': { kind: 'orders-custom', extension: 'csv', mimeType: 'text/csv;charset=utf-8' },
};

/**
 * File name with no personal data (issue 6): format, time and order count only, e.g.
 * `seller-vault-labels-4x6-2026-11-25T0930-12-orders.pdf`. Time is UTC unless the caller
 * passes the seller's offset (minutes east of UTC, i.e. `-new Date().getTimezoneOffset()`).
 */
export function exportFileName(format: FileExportFormat, orderCount: number, now: number, utcOffsetMinutes = 0): string {
  const parts = FILE_PARTS[format];
  if (!parts) throw new Error(`No file for export format ${String(format)}`);
  if (!Number.isInteger(orderCount) || orderCount < 0) throw new Error('Order count must be a whole number.');
  const iso = new Date(now + utcOffsetMinutes * 60_000).toISOString(); // 2026-11-25T09:30:00.000Z
  const stamp = `${iso.slice(0, 10)}T${iso.slice(11, 13)}${iso.slice(14, 16)}`;
  return `seller-vault-${parts.kind}-${stamp}-${orderCount}-${orderCount === 1 ? 'order' : 'orders'}.${parts.extension}`;
}

export function exportMimeType(format: FileExportFormat): string {
  return FILE_PARTS[format].mimeType;
}
