import type { ItemRecord, OrderRecord } from '../db/records';
import type { BuyerOpenResult } from '../vault/vault-messages';
import type { ReturnAddress } from '../settings/settings-schema';
import type { ShipmentLabel } from '../export/shipment-label';
import type { ExportSkipReason } from './export-messages';

export interface ShipmentLabelSources {
  /** Requested order numbers, in the seller's order (labels come out in this order). */
  orderSns: readonly string[];
  /** `orders` rows for `orderSns`, same positions (undefined = unknown order). */
  orders: readonly (OrderRecord | undefined)[];
  items: readonly ItemRecord[];
  opened: Record<string, BuyerOpenResult>;
  shipFrom: ReturnAddress;
}

/** Joins order facts, lines still to pack and opened PII into labels; everything else is skipped with a reason. */
export function buildShipmentLabels(src: ShipmentLabelSources): { labels: ShipmentLabel[]; skipped: { orderSn: string; reason: ExportSkipReason }[] } {
  const itemsByOrder = new Map<string, ItemRecord[]>();
  for (const item of src.items) {
    const list = itemsByOrder.get(item.orderSn) ?? [];
    list.push(item);
    itemsByOrder.set(item.orderSn, list);
  }
  const labels: ShipmentLabel[] = [];
  const skipped: { orderSn: string; reason: ExportSkipReason }[] = [];
  for (const [i, orderSn] of src.orderSns.entries()) {
    const order = src.orders[i];
    if (!order) {
      skipped.push({ orderSn, reason: 'unknown-order' });
      continue;
    }
    const opened = src.opened[orderSn];
    if (!opened || opened.state === 'none') {
      skipped.push({ orderSn, reason: 'no-buyer-data' });
      continue;
    }
    if (opened.state === 'cannot-decrypt') {
      skipped.push({ orderSn, reason: 'cannot-decrypt' });
      continue;
    }
    const lines = (itemsByOrder.get(orderSn) ?? [])
      .slice()
      .sort((a, b) => (a.subOrderSn < b.subOrderSn ? -1 : a.subOrderSn > b.subOrderSn ? 1 : 0))
      // A label/slip lists what goes in the box: fully cancelled lines are not packed.
      .map((item) => ({ sku: item.sku, title: item.title, spec: item.spec, quantity: Math.max(0, item.quantity - item.cancelledQuantity) }))
      .filter((line) => line.quantity > 0);
    labels.push({
      orderSn,
      shopId: order.shopId,
      shipBy: order.shipBy,
      createdAt: order.createdAt,
      shipFrom: src.shipFrom,
      shipTo: opened.pii,
      items: lines,
      tracking: (order.packages ?? []).flatMap((p) => (p.trackingNumber ? [{ trackingNumber: p.trackingNumber, carrier: p.carrier }] : [])),
    });
  }
  return { labels, skipped };
}
