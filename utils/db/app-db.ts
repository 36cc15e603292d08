import Dexie, { type DBCoreMutateRequest, type DBCoreMutateResponse, type DBCoreTable, type EntityTable } from 'dexie';
import type { AuditRecord, BuyerRecord, ExportRecord, IncidentRecord, ItemRecord, MetaRecord, NoticeRecord, OrderRecord, RequestRecord, StagedKeyRow } from './records';
import { SCHEMA_HISTORY } from './schema-history';

export const DB_NAME = 'seller-vault';

/**
 * Most rows of one transaction whose rows before the write are read for observers (a capture
 * batch is at most 500 orders); beyond it (a purge of thousands) observers are told only that
 * something changed.
 */
export const MAX_OBSERVED_ROWS = 2000;

/** One row a write changed: as it was (undefined: new) and as it is (undefined: deleted). */
export interface RowChange<T> {
  key: string;
  before: T | undefined;
  after: T | undefined;
}

/** Someone told about every write to a table (see `AppDb.observeOrderWrites`). */
export interface WriteObserver<T> {
  /** Before each request of a write transaction. */
  started(trans: object): void;
  /** Whether the rows before and after would be used (reading them costs a read). */
  wantsChanges(): boolean;
  /** After each request: the rows it changed, or null when they are not known. */
  changed(trans: object, changes: readonly RowChange<T>[] | null): void;
  /** The transaction committed, or failed. */
  ended(trans: object, committed: boolean): void;
}

/** Dexie's internal entry of `transaction()` after its arguments were sorted out (dexie 4.x). */
interface TransactionInternals {
  _transaction(mode: string, tables: unknown[], scope: unknown): unknown;
}

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
  /** Staged shred keys (utils/shred/staged-keys.ts): sealed, unreadable once their staging key's file is removed. */
  shredStaging!: EntityTable<StagedKeyRow, 'id'>;

  /** Write requests per table through this object (see `writeCount`). */
  private readonly writes = new Map<string, number>();
  /** Called after each transaction that wrote to `audit` commits (utils/audit: the chain head kept outside the log). */
  private readonly auditCommitListeners = new Set<() => void>();
  /** Told about every write to `orders` (utils/orders: derived counts and lists carried over writes). */
  private readonly orderWriteObservers = new Set<WriteObserver<OrderRecord>>();
  /** Rows read for observers so far, per transaction (whose commit the observers wait for). */
  private readonly observedRows = new WeakMap<object, number>();

  constructor(name = DB_NAME) {
    super(name);
    for (const { version, stores } of SCHEMA_HISTORY) this.version(version).stores(stores);
    // Every transaction is a top-level one (Dexie's `!` mode), never a sub-transaction of one
    // that is running: Dexie follows a transaction through native awaits by "echoing" its zone
    // over the next microtasks, and a parallel flow resuming then (after chrome.storage, say)
    // joined that transaction. Two captures' audit appends then read the same last entry and
    // one failed with "ConstraintError: Key already exists" (seen in e2e under load, session 7).
    // Nothing in this codebase nests transactions on purpose: a helper that must share the
    // caller's transaction (appendAudit, the erasers) makes requests and opens none.
    const dexieTransaction = (this as unknown as TransactionInternals)._transaction;
    (this as unknown as TransactionInternals)._transaction = (mode, tables, scope) => dexieTransaction.call(this, /[!?]/.test(mode) ? mode : `${mode}!`, tables, scope);
    // Every write (add, put, update, delete, clear, modify, in or out of a transaction) reaches
    // IndexedDB through DBCore `mutate`: counted and observed there, before the request is made.
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
              const trans = req.trans as unknown as IDBTransaction;
              if (tableName === 'audit' && this.auditCommitListeners.size > 0) {
                trans.addEventListener('complete', () => {
                  for (const listener of this.auditCommitListeners) listener();
                });
              }
              if (tableName === 'orders' && this.orderWriteObservers.size > 0) return this.observedMutate(table, req, trans);
              return table.mutate(req);
            },
          };
        },
      }),
    });
  }

  /**
   * An `orders` write its observers see: announced before the request, then the rows before and
   * after (read in the same transaction, only when an observer wants them and the request is
   * small), then the commit or failure.
   */
  private observedMutate(table: DBCoreTable, req: DBCoreMutateRequest, trans: IDBTransaction): Promise<DBCoreMutateResponse> {
    const observers = [...this.orderWriteObservers];
    const observedSoFar = this.observedRows.get(trans);
    for (const observer of observers) observer.started(trans);
    if (observedSoFar === undefined) {
      const ended = (committed: boolean) => () => {
        for (const observer of observers) observer.ended(trans, committed);
      };
      trans.addEventListener('complete', ended(true));
      trans.addEventListener('abort', ended(false));
    }
    const written = req.type === 'add' || req.type === 'put' ? req.values : null;
    const keys: string[] | null =
      req.type === 'deleteRange' ? null : req.type === 'delete' ? req.keys : (req.keys ?? written!.map((value) => table.schema.primaryKey.extractKey!(value)));
    const rows = (observedSoFar ?? 0) + (keys?.length ?? Number.POSITIVE_INFINITY);
    this.observedRows.set(trans, rows);
    const tell = (changes: RowChange<OrderRecord>[] | null) => {
      for (const observer of observers) observer.changed(trans, changes);
    };
    // Chained on DBCore's own promises, never native async/await: Dexie follows its transaction
    // zone through them, and a native await here lost it under concurrent transactions in
    // Chromium (writes landed in the wrong transaction: "Transaction committed too early").
    const mutate = (before: unknown[] | null) =>
      table.mutate(req).then(
        (response) => {
          // A failed row of a bulk request is left as it was: the changes are then not known.
          if (before === null || keys === null || response.numFailures > 0) tell(null);
          else {
            // Copies: the caller still holds the objects it wrote, and may change them.
            const after = (i: number) => (written === null ? undefined : (structuredClone(written[i]) as OrderRecord));
            tell(keys.map((key, i) => ({ key, before: before[i] as OrderRecord | undefined, after: after(i) })));
          }
          return response;
        },
        (err: unknown) => {
          tell(null);
          throw err;
        },
      );
    const wanted = keys !== null && rows <= MAX_OBSERVED_ROWS && observers.some((observer) => observer.wantsChanges());
    if (!wanted) return mutate(null);
    return table.getMany({ trans: req.trans, keys }).then(mutate, (err: unknown) => {
      tell(null);
      throw err;
    });
  }

  /** Observes every write to `orders`; returns the removal. */
  observeOrderWrites(observer: WriteObserver<OrderRecord>): () => void {
    this.orderWriteObservers.add(observer);
    return () => this.orderWriteObservers.delete(observer);
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
   * derived from that read stays valid while the count is unchanged.
   */
  writeCount(table: string): number {
    return this.writes.get(table) ?? 0;
  }
}
