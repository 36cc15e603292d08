import type { ItemRecord, OrderRecord } from '../db/records';
import type { BuyerPii } from '../vault/buyer-pii';

/** One order's data as an access request answers it: the sealed buyer fields and the order facts. */
export interface AccessRecord {
  orderSn: string;
  shopId: string;
  status: string;
  createdAt: string | null;
  shippedAt: string | null;
  deliveredAt: string | null;
  /** When the extension deletes the buyer data (ISO). */
  deletedBy: string | null;
  items: { title: string; sku: string | null; quantity: number }[];
  buyer: BuyerPii;
}

/**
 * The background's answer to an access request: exactly these orders' data. What each field means
 * is static text the page adds (access-export-file.ts), so the service worker does not carry the
 * records of processing (issue 11: parsed on every wake).
 */
export interface AccessAnswer {
  requestId: number;
  generatedAt: string;
  records: AccessRecord[];
}

const iso = (t: number | null | undefined) => (typeof t === 'number' ? new Date(t).toISOString() : null);

/** Builds the access answer for exactly these orders (only those with opened buyer data). */
export function buildAccessAnswer(requestId: number, at: number, rows: { order: OrderRecord; items: ItemRecord[]; buyer: BuyerPii }[]): AccessAnswer {
  return {
    requestId,
    generatedAt: new Date(at).toISOString(),
    records: rows.map(({ order, items, buyer }) => ({
      orderSn: order.orderSn,
      shopId: order.shopId,
      status: order.status,
      createdAt: iso(order.createdAt),
      shippedAt: iso(order.shippedAt),
      deliveredAt: iso(order.deliveredAt),
      deletedBy: iso(order.purgeAt),
      items: items.map((i) => ({ title: i.title, sku: i.sku, quantity: i.quantity })),
      buyer,
    })),
  };
}
