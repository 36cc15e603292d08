import 'fake-indexeddb/auto';
import { bench, describe } from 'vitest';
import { AppDb } from '../utils/db/app-db';
import type { BuyerRecord, OrderRecord } from '../utils/db/records';
import { purgeDueBuyers } from '../utils/retention/purge-service';
import { DAY_MS } from '../utils/retention/retention-rule';
import { FakeDownloads, heldOrder, makeTestDeps, sealedBuyer, T0, type TestDeps } from '../utils/retention/retention-test-data';

/**
 * Issue 5: purging 10,000 due rows among 100,000 stored must take < 0.5 s and cost the same
 * with 10,000 stored (ratio < 1.5): the purge walks the purgeAt index range, not the store.
 * Runs on fake-indexeddb (Node); Chromium's IndexedDB is faster for bulk operations.
 */
const DUE = 10_000;

async function seed(stored: number): Promise<TestDeps> {
  const deps = makeTestDeps('bench-' + crypto.randomUUID());
  const orders: OrderRecord[] = [];
  const buyers: BuyerRecord[] = [];
  for (let i = 0; i < stored; i++) {
    const sn = `PO-211-${String(i).padStart(14, '0')}`;
    // The first DUE rows are due at T0; the rest spread over the next 27 days.
    const purgeAt = i < DUE ? T0 - (i % 100) : T0 + 1 + (i % 27) * DAY_MS;
    orders.push(heldOrder(sn, purgeAt, { shopId: i % 3 ? '1001' : '2002' }));
    buyers.push(sealedBuyer(sn, purgeAt, { sealed: new Uint8Array(220) }));
  }
  await deps.db.orders.bulkPut(orders);
  await deps.db.buyers.bulkPut(buyers);
  return deps;
}

function purgeBench(stored: number) {
  let deps: TestDeps | undefined;
  return {
    run: async () => {
      const result = await purgeDueBuyers(deps!, { files: new FakeDownloads() });
      if (result.purgedOrders.length !== DUE) throw new Error(`purged ${result.purgedOrders.length}, expected ${DUE}`);
    },
    options: {
      iterations: 3,
      throws: true,
      warmupIterations: 0,
      warmupTime: 0,
      time: 0,
      // Each iteration needs a fresh store with 10,000 rows due; seeding is not measured.
      setup: async () => undefined,
      beforeEach: async () => {
        if (deps) await deps.db.delete();
        deps = await seed(stored);
      },
      teardown: async () => {
        if (deps) await deps.db.delete();
        deps = undefined;
      },
    },
  };
}

describe('purgeDueBuyers: 10,000 due', () => {
  const big = purgeBench(100_000);
  bench('among 100,000 stored', big.run, big.options);
  const small = purgeBench(10_000);
  bench('among 10,000 stored', small.run, small.options);
});

// Keeps AppDb referenced for readers looking for the schema the bench runs on.
export type { AppDb };
