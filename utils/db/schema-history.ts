/**
 * Every schema version this extension declares, oldest first (Dexie store syntax; a version's
 * stores are merged onto the previous ones). A released entry is never edited: a change adds a
 * version (docs/decisions.md "Database history"; frozen samples in tests/fixtures/db-schemas).
 *
 * Four builds shipped Dexie `version(1)` edited in place, so a browser may hold any of four
 * shapes at IndexedDB version 10 (or 11–12 where Dexie 4 patched a newer shape in). Dexie runs
 * every declared version ≥ the installed one and deletes what a step lacks, so version 1 is the
 * union of those four shapes: opening any of them only adds. Version 2 is the one real change
 * among them: the two unused order indexes dropped (4e44877).
 */
export const SCHEMA_HISTORY: readonly { version: number; note: string; stores: Record<string, string | null> }[] = [
  {
    version: 1,
    note: 'union of the four in-place edits of version 1 (2a6af6b, 18534a7, 34b8a77, 4e44877)',
    stores: {
      orders: 'orderSn, shopId, status, createdAt, shipBy, shippedAt, purgeAt, capturedAt, exportedAt, piiState',
      items: '[orderSn+subOrderSn], orderSn, sku, subOrderSn',
      buyers: 'orderSn, shopId, purgeAt',
      exports: '++id, createdAt, purgeAt, downloadId, *orderSns, state',
      requests: '++id, kind, receivedAt, verifiedAt, dueAt, state',
      incidents: '++id, openedAt, reportDueAt, state',
      notices: '++id, receivedAt',
      audit: 'seq, at, action',
      meta: 'key',
    },
  },
  {
    version: 2,
    note: 'orders.createdAt and orders.shippedAt indexes dropped: nothing queries them (purge 25% faster)',
    stores: { orders: 'orderSn, shopId, status, shipBy, purgeAt, capturedAt, exportedAt, piiState' },
  },
  {
    version: 3,
    note: 'orders.addressReview: the orders whose re-captured address waits for the seller (sparse: only set rows are indexed)',
    stores: { orders: 'orderSn, shopId, status, shipBy, purgeAt, capturedAt, exportedAt, piiState, addressReview' },
  },
  {
    version: 4,
    note: 'orders list indexes (issue 11): shopId, status, shipBy and exportedAt become [shopId+capturedAt], [status+capturedAt], [status+shipBy], [status+exportedAt]; [status+shippedAt] added (to ship = status minus shipped), so each popup filter is index ranges read without rows',
    stores: { orders: 'orderSn, [shopId+capturedAt], [status+capturedAt], [status+shipBy], [status+shippedAt], [status+exportedAt], purgeAt, capturedAt, piiState, addressReview' },
  },
  {
    version: 5,
    note: 'buyers.shopId index dropped (issue 11): every sealed capture write paid for it (~15% of a put in Chromium) and only a shop-wide deletion notice read it, which now finds the rows through the orders shop index',
    stores: { buyers: 'orderSn, purgeAt' },
  },
  {
    version: 6,
    note: "shredStaging (issue 11): a capture batch's shred keys, sealed under a staging key kept in OPFS, written in the batch's own transaction instead of a new OPFS file per batch; indexed by staging key to delete the rows of a removed one",
    stores: { shredStaging: 'id, stagingKey' },
  },
];
