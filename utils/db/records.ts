/**
 * Row shapes of the `seller-vault` IndexedDB database (ARCHITECTURE: Stored data).
 * All times are epoch milliseconds (UTC). Only `buyers.sealed` and `requests.sealed` may hold
 * personal data, and only as ciphertext.
 */

/** Normalized parent-order status; `statusCode` keeps the seller center's number. */
export type OrderStatus = 'pending' | 'to_ship' | 'cancelled' | 'shipped' | 'delivered' | 'partially_shipped' | 'partially_delivered' | 'unknown';

/** Whether buyer PII exists for the order: never captured, stored (sealed), or deleted by retention. */
export type PiiState = 'none' | 'present' | 'purged';

/** One package of an order as the seller center reports it (non-personal: numbers and the carrier's name). */
export interface PackageFact {
  packageSn: string | null;
  trackingNumber: string | null;
  carrier: string | null;
}

/**
 * Why an order waits for the seller (issue 10): a different address arrived for it (`unreviewed`
 * while the vault was locked, so not yet compared; `changed` once compared and different).
 */
export type AddressReview = 'unreviewed' | 'changed';

/**
 * A fact read from page-controlled data (detail-page rawData, the visible list) that would delete
 * the order's stored address now (cancelled, or shipped long enough ago): held until the seller
 * confirms it, because a page script can forge it (issue 10).
 */
export interface HeldPageFact {
  kind: 'cancelled' | 'shipped';
  /** The shipping instant the page reported (kind `shipped`), or when the cancellation was seen. */
  at: number;
  seenAt: number;
}

/** One parent order (the unit that ships to one address). Non-personal facts only. */
export interface OrderRecord {
  /** Parent order number, e.g. "PO-211-01861395087993272". */
  orderSn: string;
  /** Mall (shop) id from the seller center. */
  shopId: string;
  status: OrderStatus;
  statusCode: number | null;
  createdAt: number | null;
  /** Latest ship-by time promised to the marketplace. */
  shipBy: number | null;
  /** When the order shipped (captured, or marked by the seller); starts the 28-day clock. */
  shippedAt: number | null;
  /** Who set shippedAt: the seller center capture or the seller in the extension. */
  shippedAtSource: 'captured' | 'seller' | null;
  deliveredAt: number | null;
  /** First time the extension saw the order. */
  capturedAt: number;
  /** Last capture that touched the order. */
  updatedAt: number;
  /** When buyer PII must be gone (utils/retention); null while no PII is held. */
  purgeAt: number | null;
  exportedAt: number | null;
  exportFormat: string | null;
  piiState: PiiState;
  /**
   * Set when PII is erased (purgeAt then becomes null): the purgeAt in force at that moment (the
   * erase time if none). Any later re-capture is floored at it, so purged PII is never stored again
   * once its deadline has passed (utils/vault/buyer-store.ts).
   */
  purgeFloor?: number | null;
  /** Number of sub-order lines, to show without reading items. */
  itemCount: number;
  /** A time string's zone was unknown: its earliest reading was stored (the true time may be later). */
  timesUncertain?: boolean;
  /** Packages with tracking numbers and carriers (order list, package API). */
  packages?: PackageFact[];
  addressReview?: AddressReview | null;
  heldPageFact?: HeldPageFact | null;
}

/** One sub-order line of a parent order. */
export interface ItemRecord {
  orderSn: string;
  /** Sub-order number, e.g. "211-21905473070712792" (stable across re-captures, unlike the list index). */
  subOrderSn: string;
  sku: string | null;
  goodsId: string | null;
  title: string;
  spec: string | null;
  quantity: number;
  cancelledQuantity: number;
  statusCode: number | null;
}

/** Sealed buyer PII for one parent order. Removed (not blanked) on purge. */
export interface BuyerRecord {
  orderSn: string;
  shopId: string;
  purgeAt: number;
  capturedAt: number;
  /** Where the address came from (api, rawData, dom). */
  source: string;
  /** Sealed envelope (utils/crypto), bound to table "buyers" + orderSn. */
  sealed: Uint8Array;
  /**
   * A different address captured later (issue 10: an address is never silently replaced). Sealed
   * the same way, so accepting it is a move; deleted with the row by every purge path.
   */
  pending?: { sealed: Uint8Array; source: string; capturedAt: number } | null;
}

/** A file the extension downloaded that holds PII; removed when any of its orders is purged. */
export interface ExportRecord {
  id?: number;
  createdAt: number;
  /** Earliest purgeAt among the orders in the file. */
  purgeAt: number;
  downloadId: number | null;
  fileName: string;
  format: string;
  orderSns: string[];
  state: 'live' | 'removed';
  removedAt: number | null;
  /** After a failed removal: not before this time does it set the next-purge alarm (the sweep retries it). */
  retryAfter?: number | null;
  /**
   * false from tracking until its orders carry exportedAt (a second transaction, issue 11);
   * absent on rows tracked before the split, whose orders were marked with them.
   */
  ordersMarked?: boolean;
}

/**
 * A buyer's data request (issue 13; deadlines in utils/requests). Order numbers are not personal
 * data; the requester's contact, the request details and a delay reason are, and live only in
 * `sealed` (utils/vault/request-notes.ts), whose shred key is filed under the day the notes expire.
 */
export interface RequestRecord {
  id?: number;
  kind: 'access' | 'correct' | 'delete';
  receivedAt: number;
  verifiedAt: number | null;
  /** When it was completed or declined. */
  closedAt: number | null;
  /** The working deadline of the next step (indexed); null once closed. */
  dueAt: number | null;
  state: 'received' | 'verified' | 'completed' | 'declined';
  /** Set when the seller recorded that a deadline cannot be met (the reason is sealed). */
  delay: { recordedAt: number; newExpectedAt: number } | null;
  /** The buyer's orders the seller linked to the request. */
  orderSns: string[];
  /** What was done for it: access files, corrected field names, deletions (no values). */
  actions: { at: number; action: 'access-export' | 'correction' | 'deletion'; orderSns: string[]; fields?: string[] }[];
  /** Random id bound into the sealed notes' associated data and their shred key. */
  sealRef: string;
  sealed: Uint8Array | null;
}

/**
 * A security incident (issue 13; deadlines in utils/incidents). Holds no buyer personal data by
 * rule: the seller describes what happened and lists data categories and order numbers only.
 */
export interface IncidentRecord {
  id?: number;
  /** Detected at (indexed as openedAt since version 1). */
  openedAt: number;
  /** Detection + 72 h (indexed). */
  reportDueAt: number;
  state: 'open' | 'reported' | 'resolved';
  reportedAt: number | null;
  resolvedAt: number | null;
  summary: string;
  dataCategories: string[];
  affectedOrderSns: string[];
  actionsTaken: string;
  shopIds: string[];
}

/** A marketplace deletion notice and how it was carried out (ARCHITECTURE: Retention). */
export interface NoticeRecord {
  id?: number;
  receivedAt: number;
  scope: { kind: 'all' } | { kind: 'shop'; shopId: string } | { kind: 'orders'; orderSns: string[] };
  /** Reference text from the marketplace (no buyer PII expected; length-capped). */
  reference: string;
  carriedOutAt: number | null;
  deletedBuyers: number;
  removedFiles: number;
  /** Listed order numbers (scope `orders`) that matched no stored parent or sub-order; shown to the seller. */
  unmatchedOrderSns?: string[];
}

/** `print`: the export/print tab (entrypoints/print), where files are made. */
export type AuditActor = 'popup' | 'options' | 'print' | 'background' | 'content';

/** Tamper-evident audit log entry; never holds personal data (utils/audit). */
export interface AuditRecord {
  seq: number;
  at: number;
  actor: AuditActor;
  action: string;
  counts: Record<string, number>;
  orderSns: string[];
  /** Short non-personal reason/detail (error codes, setting names). */
  detail: string | null;
  prevHash: string;
  hash: string;
}

/** Singleton key-value rows the background owns (vault key material wrapped, retention bookkeeping). */
export interface MetaRecord {
  key: string;
  value: unknown;
}

/** One row of `shredStaging`: a capture batch's shred keys, sealed under a staging key (utils/shred/staged-keys.ts). */
export interface StagedKeyRow {
  id: string;
  /** File name of the staging key it is sealed under (its only copy: deleting the file shreds the row). */
  stagingKey: string;
  sealed: Uint8Array;
}
