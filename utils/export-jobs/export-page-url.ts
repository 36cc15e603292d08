import { EXPORT_FORMATS, type ExportFormat } from '../export/shipment-label';

/** What the print/export page is asked to do; travels in its URL hash (order numbers are not PII). */
export interface ExportPageRequest {
  orderSns: string[];
  format: ExportFormat;
}

const ORDER_SN = /^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/;

/** `print.html#orders=PO-1,PO-2&format=pdf-4x6` (the page path is added by the caller). */
export function exportPageHash(request: ExportPageRequest): string {
  const params = new URLSearchParams({ orders: request.orderSns.join(','), format: request.format });
  return `#${params.toString()}`;
}

/**
 * Reads the hash back. Anything that is not an order number or a known format is refused, so a
 * crafted link can at most ask for orders the vault holds — and only an extension page may open them.
 */
export function parseExportPageHash(hash: string): ExportPageRequest | null {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  const orderSns = [
    ...new Set(
      (params.get('orders') ?? '')
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean),
    ),
  ];
  const format = (params.get('format') ?? 'print') as ExportFormat;
  if (orderSns.length === 0 || !orderSns.every((sn) => ORDER_SN.test(sn))) return null;
  if (!EXPORT_FORMATS.includes(format)) return null;
  return { orderSns, format };
}
