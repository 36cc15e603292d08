import 'fake-indexeddb/auto';
import { describe } from 'vitest';
import { AppDb } from '../utils/db/app-db';
import { orderFilterSchema, type OrderFilterInput } from '../utils/orders/orders-messages';
import { queryOrderPage } from '../utils/orders/order-page-query';
import { makeMixedOrders } from '../tests/support/order-test-data';
import { figureBench } from './figure-bench';

/**
 * The popup's first `orders/page` with 100,000 stored orders (issue 6: first render < 200 ms).
 * fake-indexeddb is a pure-JS IndexedDB, far slower than Chromium's, so these numbers are an
 * upper bound for the query cost; tests/e2e/export.e2e.ts measures the real popup.
 * Baseline of every figure: Dexie reading the 100 newest rows with no filter and no mapping.
 */
const NOW = Date.UTC(2026, 10, 25, 12, 0);
const COUNT = 100_000;

const db = new AppDb('bench-popup');
const ready = (async () => {
  await db.orders.clear();
  const orders = makeMixedOrders(COUNT, NOW, 3);
  for (let i = 0; i < orders.length; i += 10_000) await db.orders.bulkAdd(orders.slice(i, i + 10_000));
})();

const page =
  (filter: OrderFilterInput, offset = 0) =>
  async () => {
    await ready;
    await queryOrderPage(db, orderFilterSchema.parse(filter), offset, 100, NOW);
  };

const opts = { iterations: 5, warmupIterations: 1, time: 0, setup: () => ready } as const;

const BASELINE = 'popup.newest-100-raw';

describe(`orders/page, ${COUNT.toLocaleString('en')} orders (fake-indexeddb)`, () => {
  figureBench(
    { id: BASELINE },
    'Dexie alone: the 100 newest rows by capturedAt, no filter (baseline)',
    async () => {
      await ready;
      await db.orders.orderBy('capturedAt').reverse().limit(100).toArray();
    },
    opts,
  );
  figureBench({ id: 'popup.first-page', baselineId: BASELINE, target: { maxMs: 200 } }, 'first page, no filter (popup default)', page({}), opts);
  figureBench({ id: 'popup.page-at-50k', baselineId: BASELINE }, 'page at offset 50,000, no filter', page({}, 50_000), opts);
  figureBench({ id: 'popup.first-page-not-exported', baselineId: BASELINE }, 'first page, not exported', page({ notExported: true }), opts);
  figureBench({ id: 'popup.first-page-to-ship', baselineId: BASELINE }, 'first page, to ship', page({ toShip: true }), opts);
  figureBench({ id: 'popup.first-page-ship-by-due', baselineId: BASELINE }, 'first page, ship-by today or overdue', page({ shipByDue: true, utcOffsetMinutes: 480 }), opts);
  figureBench({ id: 'popup.first-page-shop', baselineId: BASELINE }, 'first page, shop 2002', page({ shopId: '2002' }), opts);
  figureBench({ id: 'popup.first-page-order-number', baselineId: BASELINE }, 'first page, order number part "12345"', page({ orderSnQuery: '12345' }), opts);
  // "Select all" is measured in real Chromium only (bench/popup.pw-bench.ts, popup.select-all.*): in
  // fake-indexeddb its key walk over 100,000 rows ran past 12 minutes (2026-12-03) and held up `npm run bench`.
});
