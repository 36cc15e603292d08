import Dexie, { type EntityTable } from 'dexie';
import type {
  AuditRecord,
  BuyerRecord,
  ExportRecord,
  IncidentRecord,
  ItemRecord,
  MetaRecord,
  NoticeRecord,
  OrderRecord,
  RequestRecord,
} from './records';

export const DB_NAME = 'seller-vault';

/** The one Dexie database. Only the background service worker opens it (ARCHITECTURE: only writer). */
export class AppDb extends Dexie {
  orders!: EntityTable<OrderRecord, 'orderSn'>;
  items!: Dexie.Table<ItemRecord, [string, string]>;
  buyers!: EntityTable<BuyerRecord, 'orderSn'>;
  exports!: EntityTable<ExportRecord, 'id'>;
  requests!: EntityTable<RequestRecord, 'id'>;
  incidents!: EntityTable<IncidentRecord, 'id'>;
  notices!: EntityTable<NoticeRecord, 'id'>;
  audit!: EntityTable<AuditRecord, 'seq'>;
  meta!: EntityTable<MetaRecord, 'key'>;

  constructor(name = DB_NAME) {
    super(name);
    this.version(1).stores({
      orders: 'orderSn, shopId, status, shipBy, purgeAt, capturedAt, exportedAt, piiState',
      items: '[orderSn+subOrderSn], orderSn, sku, subOrderSn',
      buyers: 'orderSn, shopId, purgeAt',
      exports: '++id, createdAt, purgeAt, downloadId, *orderSns, state',
      requests: '++id, kind, receivedAt, verifiedAt, dueAt, state',
      incidents: '++id, openedAt, reportDueAt, state',
      notices: '++id, receivedAt',
      audit: 'seq, at, action',
      meta: 'key',
    });
  }
}
