import { isPdfProfileId, isZplProfileId, type PdfProfileId, type ZplProfileId } from '../export/print-profiles';
import { LABEL_SORT_KEYS, type LabelSortKey } from '../export/label-order';
import { EXPORT_FORMATS, type ExportFormat } from '../export/shipment-label';

/**
 * Choices for one run (issue 14) that differ from the seller's defaults: print profile, label
 * order, reversed stack, start cell on a partly used sheet. Absent = the default in settings.
 */
export interface RunChoices {
  profile?: PdfProfileId | ZplProfileId;
  sortBy?: LabelSortKey;
  reverse?: boolean;
  start?: number;
}

/** What the print/export page is asked to do; travels in its URL hash (order numbers are not PII). */
export interface ExportPageRequest {
  orderSns: string[];
  format: ExportFormat;
  choices?: RunChoices;
}

const ORDER_SN = /^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/;

/** `print.html#orders=PO-1,PO-2&format=pdf-4x6&sort=sku` (the page path is added by the caller). */
export function exportPageHash(request: ExportPageRequest): string {
  const params = new URLSearchParams({ orders: request.orderSns.join(','), format: request.format });
  const c = request.choices ?? {};
  if (c.profile) params.set('profile', c.profile);
  if (c.sortBy) params.set('sort', c.sortBy);
  if (c.reverse !== undefined) params.set('reverse', c.reverse ? '1' : '0');
  if (c.start !== undefined) params.set('start', String(c.start));
  return `#${params.toString()}`;
}

/**
 * Reads the hash back. Anything that is not an order number or a known format is refused, so a
 * crafted link can at most ask for orders the vault holds — and only an extension page may open them.
 * Unknown choices are dropped (the defaults apply).
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
  const choices: RunChoices = {};
  const profile = params.get('profile') ?? '';
  if (isPdfProfileId(profile) || isZplProfileId(profile)) choices.profile = profile;
  const sort = params.get('sort') ?? '';
  if ((LABEL_SORT_KEYS as readonly string[]).includes(sort)) choices.sortBy = sort as LabelSortKey;
  const reverse = params.get('reverse');
  if (reverse === '1' || reverse === '0') choices.reverse = reverse === '1';
  const start = Number(params.get('start'));
  if (Number.isInteger(start) && start >= 1 && start <= 4) choices.start = start;
  return { orderSns, format, choices };
}
