import type { AuditRecord, ExportRecord, IncidentRecord, ItemRecord, NoticeRecord, OrderRecord, RequestRecord } from '../db/records';
import { buyerPiiSchema, type BuyerPii } from '../vault/buyer-pii';

/**
 * Records of processing (issue 13): every data field the extension stores, its source, purpose,
 * where it is kept, who can see it and when it is deleted. The field lists are typed against the
 * same schema and row types the code stores (`buyerPiiSchema`, utils/db/records.ts): a field added
 * there without an entry here fails the type check, and processing-records.test.ts compares the
 * buyer fields with the schema at run time, so this page cannot drift from the code.
 *
 * The texts here are English on purpose: they are what the evidence pack (JSON and PDF, read by
 * the marketplace; utils/compliance/evidence-pdf.ts) and the buyer's access export carry. The
 * options page shows the seller's language from the locale keys `processing.purpose.<table>.<field>`,
 * `processing.access.<table>` and `processing.deleted.<table>`
 * (components/compliance/processing-text.ts; its test fails when one is missing in either locale).
 */
export type Keeping = 'sealed' | 'plain';
export type Deletion = 'purge-28d' | 'request-notes' | 'order-history' | 'audit-retention' | 'until-cleared';

export interface FieldProcessing {
  /** Where the value comes from. */
  source: 'seller-center' | 'seller' | 'extension';
  purpose: string;
}

export interface ProcessingGroup {
  table: string;
  personal: boolean;
  keeping: Keeping;
  /** Who can read it. */
  access: string;
  deletion: Deletion;
  deletionText: string;
  fields: Record<string, FieldProcessing>;
}

const sc = (purpose: string): FieldProcessing => ({ source: 'seller-center', purpose });
const ext = (purpose: string): FieldProcessing => ({ source: 'extension', purpose });
const seller = (purpose: string): FieldProcessing => ({ source: 'seller', purpose });

/** Buyer personal data: exactly the fields of `buyerPiiSchema`. */
export const BUYER_FIELDS: Record<keyof BuyerPii, FieldProcessing> = {
  name: sc('Recipient name on the shipping label'),
  phone: sc('Carrier contact for delivery (virtual number)'),
  backupPhone: sc('Second carrier contact for delivery'),
  email: sc('Carrier notification address (relay address)'),
  addressLine1: sc('Delivery address'),
  addressLine2: sc('Delivery address'),
  addressLine3: sc('Delivery address'),
  city: sc('Delivery address'),
  state: sc('Delivery address'),
  district: sc('Delivery address'),
  postcode: sc('Delivery address and carrier routing'),
  country: sc('Delivery address'),
  countryCode: ext('Carrier files need ISO country codes (derived from country)'),
  taxCode: sc('Customs declaration where the destination requires it'),
};

const ORDER_FIELDS: Record<keyof OrderRecord, FieldProcessing> = {
  orderSn: sc('Identifies the order'),
  shopId: sc('Which authorized shop the order belongs to'),
  status: sc('Order list filters; cancelled orders are purged at once'),
  statusCode: sc('The seller center status number as read'),
  createdAt: sc('Order list'),
  shipBy: sc('Ship-by reminders on the list and labels'),
  shippedAt: sc('Starts the 28-day deletion clock'),
  shippedAtSource: ext('Whether the seller or the seller center reported shipping'),
  deliveredAt: sc('Order list'),
  capturedAt: ext('When the extension first saw the order'),
  updatedAt: ext('Last capture that touched the order'),
  purgeAt: ext('When the buyer data must be gone'),
  exportedAt: ext('Export status in the list'),
  exportFormat: ext('Export status in the list'),
  piiState: ext('Whether buyer data is held, deleted or never captured'),
  purgeFloor: ext('Keeps deleted data from being stored again'),
  itemCount: sc('Order list'),
  timesUncertain: ext('Marks times read in an unknown zone'),
  packages: sc('Tracking numbers and carriers'),
  addressReview: ext('A changed address waits for the seller'),
  heldPageFact: ext('A page-reported fact waits for the seller'),
};

const ITEM_FIELDS: Record<keyof ItemRecord, FieldProcessing> = {
  orderSn: sc('Links the line to its order'),
  subOrderSn: sc('Identifies the line; deletion notices may list it'),
  sku: sc('Packing slips and carrier files'),
  goodsId: sc('Identifies the product'),
  title: sc('Packing slips'),
  spec: sc('Packing slips'),
  quantity: sc('Packing slips'),
  cancelledQuantity: sc('Packing slips'),
  statusCode: sc('Line status'),
};

const EXPORT_FIELDS: Record<Exclude<keyof ExportRecord, 'id'>, FieldProcessing> = {
  createdAt: ext('When the file was saved'),
  purgeAt: ext('When the file must be deleted from disk'),
  downloadId: ext('Finds the file to delete it'),
  fileName: ext('File name (never holds personal data)'),
  format: ext('File type'),
  orderSns: ext('Which orders the file holds'),
  state: ext('Live or removed'),
  removedAt: ext('When the file was removed'),
  retryAfter: ext('Retry time after a failed removal'),
  ordersMarked: ext('Whether its orders show as exported yet'),
};

const REQUEST_FIELDS: Record<Exclude<keyof RequestRecord, 'id'>, FieldProcessing> = {
  kind: seller('Access, correction or deletion'),
  receivedAt: seller('Starts the 24 h / 48 h / 7 d clock'),
  verifiedAt: seller('Identity verified'),
  closedAt: seller('Completed or declined'),
  dueAt: ext('Next deadline'),
  state: ext('Request state'),
  delay: seller('New expected time told to the buyer'),
  orderSns: seller('The buyer orders the request concerns'),
  actions: ext('What was done (field names only)'),
  sealRef: ext('Binds the sealed notes to the request'),
  sealed: seller('Requester contact, details and delay reason (sealed)'),
};

const INCIDENT_FIELDS: Record<Exclude<keyof IncidentRecord, 'id'>, FieldProcessing> = {
  openedAt: seller('Detected at; starts the 72 h clock'),
  reportDueAt: ext('72 h deadline'),
  state: ext('Open, reported or resolved'),
  reportedAt: seller('Reported to the marketplace'),
  resolvedAt: seller('Resolved'),
  summary: seller('What happened (no buyer data by rule)'),
  dataCategories: seller('Kinds of data that may be affected'),
  affectedOrderSns: seller('Orders that may be affected'),
  actionsTaken: seller('Actions taken (no buyer data by rule)'),
  shopIds: seller('Shops concerned'),
};

const NOTICE_FIELDS: Record<Exclude<keyof NoticeRecord, 'id'>, FieldProcessing> = {
  receivedAt: seller('Starts the 72 h / 90-day checks'),
  scope: seller('What the notice covers'),
  reference: seller('Marketplace reference'),
  carriedOutAt: ext('When the deletion ran'),
  deletedBuyers: ext('How many buyer records were deleted'),
  removedFiles: ext('How many files were removed'),
  unmatchedOrderSns: ext('Listed numbers that matched nothing'),
};

const AUDIT_FIELDS: Record<keyof AuditRecord, FieldProcessing> = {
  seq: ext('Position in the chain'),
  at: ext('When'),
  actor: ext('Which part of the extension acted'),
  action: ext('What was done'),
  counts: ext('How many records'),
  orderSns: ext('Which orders (never names or addresses)'),
  detail: ext('Short non-personal detail'),
  prevHash: ext('Hash chain'),
  hash: ext('Hash chain'),
};

const SELLER_ONLY = 'The seller, in this browser (vault unlocked)';
const SELLER_PAGES = 'The seller, in this browser (extension pages)';

export const PROCESSING_RECORDS: readonly ProcessingGroup[] = [
  {
    table: 'buyers',
    personal: true,
    keeping: 'sealed',
    access: SELLER_ONLY,
    deletion: 'purge-28d',
    deletionText: 'At most 28 days after shipment; at once on a deletion notice or request; unrecoverable (shred key deleted)',
    fields: BUYER_FIELDS,
  },
  {
    table: 'requests',
    personal: true,
    keeping: 'sealed',
    access: SELLER_ONLY,
    deletion: 'request-notes',
    deletionText: 'Sealed notes unrecoverable 35 days after receipt; the timeline stays as evidence',
    fields: REQUEST_FIELDS,
  },
  {
    table: 'exports',
    personal: false,
    keeping: 'plain',
    access: SELLER_PAGES,
    deletion: 'purge-28d',
    deletionText: "The file is deleted from disk with the first of its orders' buyer data",
    fields: EXPORT_FIELDS,
  },
  {
    table: 'orders',
    personal: false,
    keeping: 'plain',
    access: SELLER_PAGES,
    deletion: 'order-history',
    deletionText: 'Kept as sales history until the seller clears it',
    fields: ORDER_FIELDS,
  },
  {
    table: 'items',
    personal: false,
    keeping: 'plain',
    access: SELLER_PAGES,
    deletion: 'order-history',
    deletionText: 'Kept as sales history until the seller clears it',
    fields: ITEM_FIELDS,
  },
  { table: 'notices', personal: false, keeping: 'plain', access: SELLER_PAGES, deletion: 'until-cleared', deletionText: 'Kept as evidence', fields: NOTICE_FIELDS },
  { table: 'incidents', personal: false, keeping: 'plain', access: SELLER_PAGES, deletion: 'until-cleared', deletionText: 'Kept as evidence', fields: INCIDENT_FIELDS },
  {
    table: 'audit',
    personal: false,
    keeping: 'plain',
    access: SELLER_PAGES,
    deletion: 'audit-retention',
    deletionText: 'At least 90 days (default 365), then pruned behind a signed checkpoint',
    fields: AUDIT_FIELDS,
  },
];

/** The buyer fields the code stores, in the schema's order (tests compare with PROCESSING_RECORDS). */
export function storedBuyerFields(): string[] {
  return Object.keys(buyerPiiSchema.shape);
}
