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

  /** Write requests per table through this object (see `writeCount`). */
  private readonly writes = new Map<string, number>();
  /** Called after each transaction that wrote to `audit` commits (utils/audit: the chain head kept outside the log). */
  private readonly auditCommitListeners = new Set<() => void>();

  constructor(name = DB_NAME) {
    super(name);
    for (const { version, stores } of SCHEMA_HISTORY) this.version(version).stores(stores);
    // Every write (add, put, update, delete, clear, modify, in or out of a transaction) reaches
    // IndexedDB through DBCore `mutate`: counted there, before the request is made.
    this.use({
      stack: 'dbcore',
      name: 'write-count',
      create: (down) => ({
        ...down,
        table: (tableName) => {
          const table = down.table(tableName);
          return {
            ...table,
            mutate: (req) => {
              this.noteWrite(tableName);
              // DBCore's transaction is the IDBTransaction: its 'complete' event is the commit.
              if (tableName === 'audit' && this.auditCommitListeners.size > 0) {
                (req.trans as unknown as IDBTransaction).addEventListener('complete', () => {
                  for (const listener of this.auditCommitListeners) listener();
                });
              }
              return table.mutate(req);
            },
          };
        },
      }),
    });
  }

  /** Registers a listener for commits that wrote to `audit`; returns its removal. */
  onAuditCommitted(listener: () => void): () => void {
    this.auditCommitListeners.add(listener);
    return () => this.auditCommitListeners.delete(listener);
  }

  /** Counts a write request made past Dexie (utils/db/plain-requests.ts: plain IndexedDB requests in a Dexie transaction). */
  noteWrite(table: string): void {
    this.writes.set(table, (this.writes.get(table) ?? 0) + 1);
  }

  /**
   * How many write requests this object has sent to `table`. A read that starts after it was
   * taken sees every write it counts (IndexedDB runs transactions in creation order), so a value
   * derived from that read stays valid while the count is unchanged (utils/orders list caches).
   */
  writeCount(table: string): number {
    return this.writes.get(table) ?? 0;
  }
}
