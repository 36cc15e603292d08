import 'fake-indexeddb/auto';
import { bench, describe } from 'vitest';
import type { BuyerRecord, OrderRecord } from '../utils/db/records';
import { type FigureSpec, figureBench } from './figure-bench';
import { purgeDueBuyers } from '../utils/retention/purge-service';
import { DAY_MS } from '../utils/retention/retention-rule';
import { FakeDownloads, heldOrder, makeTestDeps, sealedBuyer, T0, type TestDeps, withFiles } from '../tests/support/retention-test-data';

/**
 * Issue 5: purging 10,000 due rows among 100,000 stored (goal < 0.5 s), and the same purge with
 * 10,000 stored (flat: ratio < 1.5) — the purge walks the purgeAt index range, not the store.
 * Runs on fake-indexeddb in Node. Each sample needs a fresh store with 10,000 rows due, so every
 * bench seeds in `setup` (not measured) and measures one purge.
 * Measured 2026-11-25 (2-core shared machine): ~1.4–1.7 s here, flat (ratio 1.05–1.18). The same
 * purge in real Chromium (bench/retention.pw-bench.ts): 4.4–5.1 s, flat; raw IndexedDB
 * alone needs 1.9 s to rewrite 10,000 orders rows (9 secondary indexes) and 1.1 s to delete
 * 10,000 buyers rows there, so the 0.5 s goal is out of reach while the purge must rewrite orders.
 * Figures: retention.purge-10k-of-100k against retention.purge-10k-of-10k (targets: < 0.5 s,
 * ratio < 1.5), and the 10,000-stored purge against Dexie alone doing the same deletes and
 * rewrites (retention.dexie-rewrite-10k). Rounds are interleaved; each figure gets one sample a round.
 */
const DUE = 10_000;

async function seed(stored: number): Promise<TestDeps> {
  const deps = makeTestDeps(`bench-${crypto.randomUUID()}`);
  const orders: OrderRecord[] = [];
  const buyers: BuyerRecord[] = [];
  for (let i = 0; i < stored; i++) {
    const sn = `PO-211-${String(i).padStart(14, '0')}`;
    // Every (stored / DUE)-th row is due; the rest spread over the next 27 days.
    const due = i % (stored / DUE) === 0;
    const purgeAt = due ? T0 - (i % 1000) : T0 + 1 + (i % 27) * DAY_MS;
    orders.push(heldOrder(sn, purgeAt, { shopId: i % 3 ? '1001' : '2002' }));
    buyers.push(sealedBuyer(sn, purgeAt, { sealed: new Uint8Array(220) }));
  }
  await deps.db.orders.bulkPut(orders);
  await deps.db.buyers.bulkPut(buyers);
  return deps;
}

/** Dexie alone, one transaction: delete the due buyers rows and rewrite their orders as purged. */
async function dexieRewrite(deps: TestDeps): Promise<number> {
  const { db } = deps;
  return db.transaction('rw', [db.buyers, db.orders], async () => {
    const now = deps.now();
    const [buyerKeys, due] = await Promise.all([db.buyers.where('purgeAt').belowOrEqual(now).primaryKeys(), db.orders.where('purgeAt').belowOrEqual(now).toArray()]);
    await db.buyers.bulkDelete(buyerKeys);
    await db.orders.bulkPut(due.map((o) => ({ ...o, piiState: 'purged' as const, purgeAt: null })));
    return due.length;
  });
}

const purge = async (deps: TestDeps) => (await purgeDueBuyers(withFiles(deps, new FakeDownloads()), {})).purgedOrders.length;

/** One sample on a freshly seeded store (seeding is not measured). */
function seededBench(spec: FigureSpec | null, name: string, stored: number, work: (deps: TestDeps) => Promise<number>) {
  let deps: TestDeps | undefined;
  const fn = async () => {
    const done = await work(deps!);
    if (done !== DUE) throw new Error(`purged ${done}, expected ${DUE}`);
  };
  const options = {
    iterations: 1,
    time: 0,
    warmupIterations: 0,
    warmupTime: 0,
    setup: async (_task: unknown, mode: 'warmup' | 'run') => {
      if (mode === 'run') deps = await seed(stored);
    },
    teardown: async (_task: unknown, mode: 'warmup' | 'run') => {
      if (mode === 'run' && deps) await deps.db.delete();
      deps = undefined;
    },
  };
  if (spec) figureBench(spec, name, fn, options);
  else bench(name, fn, options);
}

const RAW: FigureSpec = { id: 'retention.dexie-rewrite-10k' };
const SMALL: FigureSpec = { id: 'retention.purge-10k-of-10k', baselineId: RAW.id };
const LARGE: FigureSpec = { id: 'retention.purge-10k-of-100k', baselineId: SMALL.id, target: { maxMs: 500, maxRatio: 1.5 } };

describe('purgeDueBuyers: 10,000 due', () => {
  // First sample pays JIT warm-up of Dexie and fake-indexeddb (measured 10.6 s vs 1.5 s): not counted.
  seededBench(null, 'warm-up, not counted (10,000 stored)', 10_000, purge);
  seededBench(RAW, 'Dexie alone: delete 10,000 due buyers rows + rewrite their orders, 10,000 stored (baseline)', 10_000, dexieRewrite);
  seededBench(SMALL, 'among 10,000 stored', 10_000, purge);
  seededBench(LARGE, 'among 100,000 stored', 100_000, purge);
  seededBench(RAW, 'Dexie alone (again)', 10_000, dexieRewrite);
  seededBench(SMALL, 'among 10,000 stored (again)', 10_000, purge);
  seededBench(LARGE, 'among 100,000 stored (again)', 100_000, purge);
});
