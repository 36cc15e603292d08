import { compareText } from './label-order';
import type { ShipmentLabel } from './shipment-label';

/** One line of a pick list: everything to take from the shelf for one SKU. No buyer data. */
export interface PickListRow {
  /** The SKU, or null when the seller center gave none (the title then identifies the line). */
  sku: string | null;
  title: string;
  spec: string | null;
  /** Units over all orders of the run. */
  quantity: number;
  /** Orders of the run that hold this line. */
  orders: number;
}

export interface PickList {
  rows: PickListRow[];
  orderCount: number;
  totalQuantity: number;
}

/**
 * The pick list of a run (issue 14): one row per SKU (and spec: the same SKU in two variants is
 * two bins), quantities summed over the orders, sorted by SKU (numeric-aware). Lines without a
 * SKU are grouped by title and sort after the SKUs. Built from what the labels would pack
 * (cancelled quantities already removed), never from names or addresses.
 */
export function buildPickList(labels: readonly ShipmentLabel[]): PickList {
  const rows = new Map<string, PickListRow & { orderSns: Set<string> }>();
  for (const label of labels) {
    for (const item of label.items) {
      if (item.quantity <= 0) continue;
      const sku = item.sku?.trim() || null;
      const spec = item.spec?.trim() || null;
      const key = JSON.stringify([sku ?? '', sku ? '' : item.title.trim(), spec ?? '']);
      const row = rows.get(key) ?? { sku, title: item.title.trim(), spec, quantity: 0, orders: 0, orderSns: new Set<string>() };
      row.quantity += item.quantity;
      row.orderSns.add(label.orderSn);
      row.orders = row.orderSns.size;
      rows.set(key, row);
    }
  }
  const sorted = [...rows.values()]
    .map(({ orderSns: _orderSns, ...row }) => row)
    .sort((a, b) =>
      (a.sku === null) !== (b.sku === null) ? (a.sku === null ? 1 : -1) : compareText(a.sku ?? a.title, b.sku ?? b.title) || compareText(a.spec ?? '', b.spec ?? ''),
    );
  return { rows: sorted, orderCount: labels.length, totalQuantity: sorted.reduce((sum, row) => sum + row.quantity, 0) };
}
