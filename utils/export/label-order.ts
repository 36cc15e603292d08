import { LABEL_SORT_KEYS } from '../settings/settings-read';
import type { ShipmentLabel } from './shipment-label';

/**
 * The order a run's labels come out in (issue 14). `selection` keeps the order the seller picked
 * the orders in; the others sort with the order number as tie-break, so a run is reproducible.
 */
export { LABEL_SORT_KEYS };
export type LabelSortKey = (typeof LABEL_SORT_KEYS)[number];

export interface LabelOrder {
  sortBy: LabelSortKey;
  /**
   * Reverse the stack: a printer that stacks labels face up puts the last printed on top, so the
   * run is printed last-first and the first label of the sort lies on top of the pile.
   */
  reverse: boolean;
}

/** The SKU an order sorts by: the smallest of its lines (title when a line has none), so multi-item orders join the run at their first SKU. */
export function orderSortSku(label: ShipmentLabel): string {
  const keys = label.items.map((item) => (item.sku ?? item.title).trim()).filter(Boolean);
  return keys.sort(compareText)[0] ?? '';
}

/** Numeric-aware, case-insensitive: SKU-2 before SKU-10, as sellers number their shelves. */
const collator = new Intl.Collator('en', { numeric: true, sensitivity: 'base' });
export const compareText = (a: string, b: string) => collator.compare(a, b) || (a < b ? -1 : a > b ? 1 : 0);

/** Missing times sort last (an order without a ship-by date is not urgent as far as we know). */
const compareTime = (a: number | null, b: number | null) => (a ?? Number.POSITIVE_INFINITY) - (b ?? Number.POSITIVE_INFINITY) || 0;

export function orderLabels(labels: readonly ShipmentLabel[], order: LabelOrder): ShipmentLabel[] {
  const sorted = labels.slice();
  const byOrderSn = (a: ShipmentLabel, b: ShipmentLabel) => compareText(a.orderSn, b.orderSn);
  switch (order.sortBy) {
    case 'sku':
      sorted.sort((a, b) => compareText(orderSortSku(a), orderSortSku(b)) || byOrderSn(a, b));
      break;
    case 'shipBy':
      sorted.sort((a, b) => compareTime(a.shipBy, b.shipBy) || byOrderSn(a, b));
      break;
    case 'orderTime':
      sorted.sort((a, b) => compareTime(a.createdAt, b.createdAt) || byOrderSn(a, b));
      break;
    case 'orderSn':
      sorted.sort(byOrderSn);
      break;
    case 'selection':
      break;
  }
  return order.reverse ? sorted.reverse() : sorted;
}
