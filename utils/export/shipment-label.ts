import type { BuyerPii } from '../vault/buyer-pii';
import type { ReturnAddress } from '../settings/settings-schema';

/** Everything one label/slip/CSV row needs. Built in an extension page from `export/prepare`; never persisted. */
export interface ShipmentLabel {
  /** Parent order number; also the Code 128 barcode content. */
  orderSn: string;
  shopId: string;
  shipBy: number | null;
  /** When the buyer placed the order (sort by order time); null when the seller center did not say. */
  createdAt: number | null;
  shipFrom: ReturnAddress;
  shipTo: BuyerPii;
  items: { sku: string | null; title: string; spec: string | null; quantity: number }[];
  /** Tracking numbers the seller center reported, with their carriers (CSV columns). */
  tracking: { trackingNumber: string; carrier: string | null }[];
}

export const EXPORT_FORMATS = [
  'pdf-4x6',
  'pdf-a4',
  'pdf-letter',
  'pdf-labels',
  'pick-list',
  'zpl',
  'packing-slip',
  'csv-generic',
  'csv-shippingeasy',
  'csv-shipandco',
  'csv-custom',
  'print',
] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];
