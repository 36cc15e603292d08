import type { BackgroundDeps } from '../../utils/background-deps';
import { TEST_SCRYPT_COST } from '../../utils/crypto/key-wrap';
import { generateVaultKeys, wrapVaultKeys } from '../../utils/crypto/vault-keys';
import { AppDb } from '../../utils/db/app-db';
import type { BuyerRecord, OrderRecord } from '../../utils/db/records';
import { writeMeta } from '../../utils/meta-store';
import { opfsShredFiles } from '../../utils/shred/opfs-shred-files-adapter';
import { stagedKeyRows } from '../../utils/shred/staged-key-rows';
import { createShredKeyStore } from '../../utils/shred/shred-key-store';
import type { CapturedAddress } from '../../utils/vault/buyer-pii';
import { makeBuyerPii } from '../../tests/support/buyer-pii-test-data';
import { sealerFor, storeCapturedAddresses } from '../../utils/vault/buyer-store';
import { sealBuyerPii } from '../../utils/vault/buyer-seal';
import { sealedWrites } from '../../utils/vault/sealed-writes';
import { SCHEMA_HISTORY } from '../../utils/db/schema-history';

/**
 * Bundled by bench/vault-indexeddb.pw-bench.ts and evaluated in an extension page of the built
 * extension: the production capture store (seal + shred keys staged + one transaction per batch)
 * against real Chromium IndexedDB, on its own database. Not part of the build.
 */
const DAY = 86_400_000;

function pii(i: number) {
  return makeBuyerPii({
    name: `Buyer ${i} Łukasz 王小明`,
    phone: `+33 6 12 34 ${String(i % 100).padStart(2, '0')}`,
    email: `buyer${i}@example.com`,
    addressLine1: `${i} Rue de la Paix, Bâtiment B`,
  });
}

function order(orderSn: string, now: number): OrderRecord {
  return {
    orderSn,
    shopId: '634418212345',
    status: 'to_ship',
    statusCode: 2,
    createdAt: now - DAY,
    shipBy: now + 2 * DAY,
    shippedAt: null,
    shippedAtSource: null,
    deliveredAt: null,
    capturedAt: now,
    updatedAt: now,
    purgeAt: null,
    exportedAt: null,
    exportFormat: null,
    piiState: 'none',
    itemCount: 1,
  };
}

/**
 * The secondary indexes of the production `buyers` store (its latest declaration): the plaintext
 * baseline is written into a store indexed exactly like the one the sealed rows go to.
 */
const BUYERS_INDEXES = SCHEMA_HISTORY.findLast((s) => s.stores.buyers)!
  .stores.buyers!.split(',')
  .slice(1)
  .map((index) => index.trim());

async function putPlain(dbName: string, rows: unknown[]): Promise<void> {
  const db = await new Promise<IDBDatabase>((resolve, reject) => {
    const req = indexedDB.open(dbName, 1);
    req.onupgradeneeded = () => {
      const store = req.result.createObjectStore('buyers', { keyPath: 'orderSn' });
      for (const index of BUYERS_INDEXES) store.createIndex(index, index);
    };
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
  const tx = db.transaction('buyers', 'readwrite');
  for (const row of rows) tx.objectStore('buyers').put(row);
  await new Promise<void>((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error);
  });
  db.close();
}

/** Pause before each timed phase, after its setup writes: the pause of the position-bias measurements. */
const SETTLE_MS = 1_000;

/** The timed phases of a round; bench/vault-indexeddb.pw-bench.ts runs them in a rotating order. */
export type SealedStorePhase = 'captureStore' | 'plainCapture' | 'plainPut' | 'sealWrite';

/** A round's phases, driven from the bench one at a time. */
export interface SealedStoreRound {
  /** Sets the phase up (its own new database, orders rows, …), then pauses (SETTLE_MS). */
  prepare(phase: SealedStorePhase): Promise<void>;
  /** Runs the prepared phase; its time in ms. */
  run(): Promise<number>;
  /** Deletes the round's storage; the addresses the capture store phase stored. */
  end(): Promise<number>;
}

/**
 * One round: each phase writes the same `batches` × `perBatch` addresses into its own new database,
 * one phase at a time as the bench asks (`prepare`, then the timed `run`, so the bench can read the
 * browser's CPU time around the run alone), after a pause that lets the browser finish the
 * previous phase's storage work (all of an origin's databases share one LevelDB: measured, a phase
 * right after another ran up to 1.3× slower than the same phase first: docs/decisions.md
 * 2026-12-03 "Sealing without per-record allocations; a sealed store bench without position bias").
 */
function round(tag: string, batches: number, perBatch: number): SealedStoreRound {
  const now = Date.now();
  const keys = generateVaultKeys();
  const n = batches * perBatch;
  const sns = Array.from({ length: n }, (_, i) => `PO-211-${tag}-${String(i).padStart(8, '0')}`);
  const addresses: CapturedAddress[] = sns.map((orderSn, i) => ({ orderSn, shopId: '634418212345', source: 'api', pii: pii(i) }));
  const purgeAt = now + 28 * DAY;
  // The buyers rows in the clear, as both plaintext baselines write them.
  const clearRows = addresses.map((a) => ({ orderSn: a.orderSn, shopId: a.shopId, purgeAt, capturedAt: now, source: a.source, pii: a.pii }));
  const batch = <T>(rows: T[], b: number) => rows.slice(b * perBatch, (b + 1) * perBatch);
  let stored = 0;

  const phases: Record<SealedStorePhase, () => Promise<() => Promise<void>>> = {
    // The production capture store: seal, shred keys staged, buyers + orders + audit, one transaction per batch.
    captureStore: async () => {
      const db = new AppDb(`bench-sealed-${tag}`);
      await writeMeta(db, 'vault', wrapVaultKeys(keys, 'bench passphrase not used', TEST_SCRYPT_COST));
      await db.orders.bulkPut(sns.map((sn) => order(sn, now)));
      const deps = {
        db,
        now: () => now,
        notifyChanged: async () => undefined,
        settings: { read: async () => ({ retentionDays: 28 }) },
        sessionKeys: { read: async () => ({ keys: null, lastActivityAt: null }) },
        shredKeys: createShredKeyStore(opfsShredFiles(`bench-shred-${tag}`), stagedKeyRows(db)),
      } as unknown as BackgroundDeps;
      return async () => {
        for (let b = 0; b < batches; b++) stored += (await storeCapturedAddresses(deps, batch(addresses, b), 'content', { retentionDays: 28 })).stored;
        db.close();
      };
    },
    // Its baseline: the same rows in the clear (buyers rows with the address, the orders rows as the
    // capture store leaves them, one audit row a batch) into the same stores, one transaction per batch.
    plainCapture: async () => {
      const db = new AppDb(`bench-plaincap-${tag}`);
      await db.orders.bulkPut(sns.map((sn) => order(sn, now)));
      const buyers = clearRows as unknown as BuyerRecord[];
      const orders = sns.map((sn) => ({ ...order(sn, now), piiState: 'present' as const, purgeAt, addressReview: null }));
      return async () => {
        for (let b = 0; b < batches; b++) {
          await db.transaction('rw', [db.orders, db.buyers, db.audit], async () => {
            await Promise.all([
              db.buyers.bulkPut(batch(buyers, b)),
              db.orders.bulkPut(batch(orders, b)),
              db.audit.put({
                seq: b + 1,
                at: now,
                actor: 'content',
                action: 'capture.addresses',
                counts: { stored: perBatch },
                orderSns: batch(sns, b),
                detail: null,
                prevHash: '',
                hash: '',
              }),
            ]);
          });
        }
        db.close();
      };
    },
    // The vault part's baseline: a plain IndexedDB put of the buyers rows in the clear.
    plainPut: async () => async () => {
      for (let b = 0; b < batches; b++) await putPlain(`bench-plain-${tag}`, batch(clearRows, b));
    },
    // The vault's own part alone, as the capture store does it (utils/vault/buyer-store): seal each
    // row with the capture store's sealer and hand it to the pipelined writer (chunks written while
    // the next ones are sealed; the batch's shred keys staged as one row of the same transaction),
    // one transaction per batch, no order bookkeeping or audit.
    sealWrite: async () => {
      const sealDb = new AppDb(`bench-sealwrite-${tag}`);
      const shred = createShredKeyStore(opfsShredFiles(`bench-shred-w-${tag}`), stagedKeyRows(sealDb));
      await sealDb.open();
      return async () => {
        for (let b = 0; b < batches; b++) {
          await shred.prepareStaging();
          await sealDb.transaction('rw', [sealDb.buyers, sealDb.shredStaging], async () => {
            // The capture store's own sealer: one reused across captures (buyer-store.ts, SEALER_REUSE_MS).
            const sealer = sealerFor(keys.publicKey, now);
            const writes = sealedWrites(sealDb, shred);
            for (const a of batch(addresses, b)) {
              const { sealed, shredKey } = sealBuyerPii(sealer, a.orderSn, a.pii, purgeAt);
              writes.put({ orderSn: a.orderSn, shopId: a.shopId, purgeAt, capturedAt: now, source: a.source, sealed }, null, shredKey);
            }
            await writes.finish();
          });
        }
        sealDb.close();
      };
    },
  };

  let prepared: (() => Promise<void>) | null = null;
  return {
    async prepare(phase) {
      prepared = await phases[phase]();
      await new Promise((r) => setTimeout(r, SETTLE_MS));
    },
    async run() {
      const t = performance.now();
      await prepared!();
      prepared = null;
      return performance.now() - t;
    },
    async end() {
      await removeRoundStorage();
      return stored;
    },
  };
}

/**
 * Deletes the round's databases and shred directories, then pauses: measured, without this every
 * phase ran slower round after round (8 rounds: a plain put 1.1 → 1.8 s) as the origin's one
 * LevelDB grew by 40,000 rows a round; the ratios held, their spread did not.
 */
async function removeRoundStorage(): Promise<void> {
  for (const { name } of await indexedDB.databases()) {
    if (!name?.startsWith('bench-')) continue;
    await new Promise((resolve) => {
      const request = indexedDB.deleteDatabase(name);
      request.onsuccess = request.onerror = request.onblocked = resolve;
    });
  }
  const root = (await navigator.storage.getDirectory()) as FileSystemDirectoryHandle & { keys(): AsyncIterable<string> };
  for await (const name of root.keys()) if (name.startsWith('bench-')) await root.removeEntry(name, { recursive: true });
  await new Promise((r) => setTimeout(r, 2 * SETTLE_MS));
}

// The round being run: the bench's page.evaluate calls reach it between phases.
let current: SealedStoreRound | null = null;
(globalThis as unknown as { svSealedStore: SealedStoreDriver }).svSealedStore = {
  start: (tag, batches, perBatch) => {
    current = round(tag, batches, perBatch);
  },
  prepare: (phase) => current!.prepare(phase),
  run: () => current!.run(),
  end: () => current!.end(),
};

/** What the bench calls in the page (`globalThis.svSealedStore`). */
export interface SealedStoreDriver extends SealedStoreRound {
  start(tag: string, batches: number, perBatch: number): void;
}
