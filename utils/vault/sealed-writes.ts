import Dexie from 'dexie';
import type { AppDb } from '../db/app-db';
import { putRowsInTransaction } from '../db/plain-requests';
import type { BuyerRecord, OrderRecord } from '../db/records';
import type { OrderShredKey, ShredKeyStore } from '../shred/shred-key-store';

/**
 * Sealed rows handed to IndexedDB at a time while sealing goes on. IndexedDB sends each put to the
 * browser's storage sequence as it is made, so the next chunk is sealed on this thread while the
 * previous one is written there (issue 11: sealed capture within 0.9× of a plaintext put). Measured
 * in Chromium (bench/vault-indexeddb.pw-bench.ts, docs/decisions.md 2026-12-02 "Sealed capture
 * writes pipelined"): smaller chunks start the writer sooner; below ~50 rows Dexie tracks every
 * row's index keys for live queries, which costs more than it saves.
 */
export const SEALED_WRITE_CHUNK = 128;

/** The sealed writes of one capture batch, inside the caller's one transaction. */
export interface SealedWrites {
  /**
   * One sealed `buyers` row, with the shred key of a newly sealed envelope (null when the row
   * holds none) and the order's new state (null: unchanged). Written in chunks as rows come.
   * Throws when IndexedDB refuses a row at once (utils/db/plain-requests.ts): let it leave the
   * transaction's scope, which then writes none of the batch.
   */
  put(buyer: BuyerRecord, order: OrderRecord | null, shredKey: OrderShredKey | null): void;
  /** Rows put so far. */
  readonly count: number;
  /**
   * Hands the last chunk to IndexedDB with the batch's shred keys and waits for all. The keys go
   * as one staged row in this same transaction when the store can stage (ShredKeyStore.stage, the
   * transaction's scope includes `shredStaging`), else into a file of their own, written while the
   * rows are. Call once, at the end, in the same transaction: it commits only after this resolves,
   * so no row is committed without the shred key that opens it.
   */
  finish(): Promise<void>;
}

/**
 * Pipelined writes of sealed rows for a Dexie read-write transaction over `buyers` (and `orders`
 * when orders are put) that is running now: call from inside it. The `buyers` rows go as plain
 * IndexedDB requests (utils/db/plain-requests.ts: less renderer CPU than Dexie's bulkPut, which on
 * 2 cores competes with the browser's own storage work); `orders` stays on Dexie, whose middleware
 * its observers need.
 */
export function sealedWrites(db: AppDb, shredKeys: ShredKeyStore, chunk = SEALED_WRITE_CHUNK): SealedWrites {
  let buyers: BuyerRecord[] = [];
  let orders: OrderRecord[] = [];
  const keys: OrderShredKey[] = [];
  const writes: Promise<unknown>[] = [];
  let count = 0;
  const write = (request: Promise<unknown>) => {
    // A failed write aborts the transaction; `finish` reports it (no unhandled rejection before).
    request.catch(() => undefined);
    writes.push(request);
  };
  const flush = () => {
    if (buyers.length > 0) write(putRowsInTransaction('buyers', buyers));
    if (orders.length > 0) write(db.orders.bulkPut(orders));
    buyers = [];
    orders = [];
  };
  return {
    put(buyer, order, shredKey) {
      buyers.push(buyer);
      if (order) orders.push(order);
      if (shredKey) keys.push(shredKey);
      count++;
      if (buyers.length >= chunk) flush();
    },
    get count() {
      return count;
    },
    async finish() {
      flush();
      let filed: Promise<void> = Promise.resolve();
      if (keys.length > 0) {
        // Staged in the batch's own transaction: no file of its own for each capture (issue 11,
        // docs/decisions.md 2026-12-03 "Shred keys staged in the capture's transaction").
        const row = Dexie.currentTransaction?.storeNames.includes('shredStaging') ? shredKeys.stage(keys) : null;
        if (row) write(putRowsInTransaction('shredStaging', [row]));
        // Dexie.waitFor keeps the transaction open across the file write (not an IndexedDB request).
        else filed = Dexie.waitFor(shredKeys.add(keys));
      }
      await Promise.all([filed, ...writes]);
    },
  };
}
