import Dexie, { type EntityTable } from 'dexie';
import type { AuditRecord, BuyerRecord, ExportRecord, IncidentRecord, ItemRecord, MetaRecord, NoticeRecord, OrderRecord, RequestRecord } from './records';
import { SCHEMA_HISTORY } from './schema-history';

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
    for (const { version, stores } of SCHEMA_HISTORY) this.version(version).stores(stores);
  }
}
