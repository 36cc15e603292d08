import type { ItemRecord, OrderRecord } from '../db/records';
import { BUYER_FIELDS } from '../processing/processing-records';
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

export interface AccessExport {
  title: string;
  requestId: number;
  generatedAt: string;
  /** What each buyer field is and why it is held (the records of processing). */
  fields: Record<string, { meaning: string; source: string }>;
  records: AccessRecord[];
}

const iso = (t: number | null | undefined) => (typeof t === 'number' ? new Date(t).toISOString() : null);

/** Builds the access answer for exactly these orders (only those with opened buyer data). */
export function buildAccessExport(requestId: number, at: number, rows: { order: OrderRecord; items: ItemRecord[]; buyer: BuyerPii }[]): AccessExport {
  return {
    title: 'Your personal data held by this seller (Seller Vault for Temu)',
    requestId,
    generatedAt: new Date(at).toISOString(),
    fields: Object.fromEntries(Object.entries(BUYER_FIELDS).map(([k, f]) => [k, { meaning: f.purpose, source: f.source }])),
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

/** The CSV columns: order facts, then every buyer field in the schema's order. */
export function accessCsvRows(data: AccessExport): string[][] {
  const buyerKeys = Object.keys(BUYER_FIELDS) as (keyof BuyerPii)[];
  const header = ['orderSn', 'shopId', 'status', 'createdAt', 'shippedAt', 'deliveredAt', 'deletedBy', 'items', ...buyerKeys];
  const rows = data.records.map((r) => [
    r.orderSn,
    r.shopId,
    r.status,
    r.createdAt ?? '',
    r.shippedAt ?? '',
    r.deliveredAt ?? '',
    r.deletedBy ?? '',
    r.items.map((i) => `${i.quantity} x ${i.title}`).join('; '),
    ...buyerKeys.map((k) => r.buyer[k] ?? ''),
  ]);
  return [header, ...rows];
}
