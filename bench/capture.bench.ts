import 'fake-indexeddb/auto';
import { bench, describe } from 'vitest';
import { makeOrders, orderListResponse } from '../tests/fixtures/order-fixtures';
import { parseCapturedJson } from '../utils/capture/camel-keys';
import { exceedsPayloadCap } from '../utils/capture/capture-limits';
import { parseOrderList } from '../utils/capture/order-list-parser';
import { upsertCapturedOrders } from '../utils/capture/order-upsert';
import { AppDb } from '../utils/db/app-db';

/** One order-list page at the seller center's largest page size (500), as JSON text. */
const NOW = Date.UTC(2026, 10, 25, 9, 0, 0);
const page500 = JSON.stringify(orderListResponse(makeOrders(500, { now: NOW })));
const ctx = { now: NOW, zone: { utcOffsetMinutes: 480 } };
const mergeCtx = { shopId: '634418212', now: NOW, retentionDays: 28, actor: 'content' as const };

const recaptureDb = new AppDb('bench-recapture');
await upsertCapturedOrders(recaptureDb, parseOrderList(parseCapturedJson(page500), ctx), mergeCtx);

describe(`capture: one 500-order page (${(page500.length / 1024).toFixed(0)} KB JSON)`, () => {
  bench(
    'size cap + JSON.parse + parse/normalize',
    () => {
      exceedsPayloadCap(page500);
      parseOrderList(parseCapturedJson(page500), ctx);
    },
    { iterations: 20 },
  );

  bench(
    'parse + upsert into an empty store (first capture)',
    async () => {
      const db = new AppDb(`bench-${crypto.randomUUID()}`);
      await upsertCapturedOrders(db, parseOrderList(parseCapturedJson(page500), ctx), mergeCtx);
      db.close();
    },
    { iterations: 10, warmupIterations: 1 },
  );

  bench(
    'parse + upsert over the same 500 orders (re-capture)',
    async () => {
      await upsertCapturedOrders(recaptureDb, parseOrderList(parseCapturedJson(page500), ctx), mergeCtx);
    },
    { iterations: 10, warmupIterations: 1 },
  );
});
