import 'fake-indexeddb/auto';
import { describe } from 'vitest';
import { makeOrders, orderListResponse } from '../tests/fixtures/order-fixtures';
import { parseCapturedJson } from '../utils/capture/camel-keys';
import { exceedsPayloadCap } from '../utils/capture/capture-limits';
import { parseOrderList } from '../utils/capture/order-list-parser';
import { upsertCapturedOrders } from '../utils/capture/order-upsert';
import { AppDb } from '../utils/db/app-db';
import { figureBench } from './figure-bench';

/** One order-list page at the seller center's largest page size (500), as JSON text. */
const NOW = Date.UTC(2026, 10, 25, 9, 0, 0);
const page500 = JSON.stringify(orderListResponse(makeOrders(500, { now: NOW })));
const ctx = { now: NOW, zone: { utcOffsetMinutes: 480 } };
const mergeCtx = { shopId: '634418212', now: NOW, retentionDays: 28, actor: 'content' as const };

const recaptureDb = new AppDb('bench-recapture');
await upsertCapturedOrders(recaptureDb, parseOrderList(parseCapturedJson(page500), ctx), mergeCtx);
// The rows a first capture writes, to store them again without the merge (the upsert's floor).
const storedOrders = await recaptureDb.orders.toArray();
const storedItems = await recaptureDb.items.toArray();

describe(`capture: one 500-order page (${(page500.length / 1024).toFixed(0)} KB JSON)`, () => {
  figureBench(
    { id: 'capture.json-parse-500' },
    'JSON.parse alone (baseline)',
    () => {
      JSON.parse(page500);
    },
    { iterations: 20 },
  );

  figureBench(
    { id: 'capture.parse-500', baselineId: 'capture.json-parse-500' },
    'size cap + JSON.parse + parse/normalize',
    () => {
      exceedsPayloadCap(page500);
      parseOrderList(parseCapturedJson(page500), ctx);
    },
    { iterations: 20 },
  );

  figureBench(
    { id: 'capture.store-rows-500' },
    'parse + plain Dexie bulkPut of the same orders and items rows into an empty store, no merge or audit (baseline)',
    async () => {
      const db = new AppDb(`bench-${crypto.randomUUID()}`);
      parseOrderList(parseCapturedJson(page500), ctx);
      await db.transaction('rw', [db.orders, db.items], async () => {
        await db.orders.bulkPut(storedOrders);
        await db.items.bulkPut(storedItems);
      });
      db.close();
    },
    { iterations: 10, warmupIterations: 1 },
  );

  figureBench(
    { id: 'capture.first-500', baselineId: 'capture.store-rows-500' },
    'parse + upsert into an empty store (first capture)',
    async () => {
      const db = new AppDb(`bench-${crypto.randomUUID()}`);
      await upsertCapturedOrders(db, parseOrderList(parseCapturedJson(page500), ctx), mergeCtx);
      db.close();
    },
    { iterations: 10, warmupIterations: 1 },
  );

  figureBench(
    { id: 'capture.recapture-500', baselineId: 'capture.first-500' },
    'parse + upsert over the same 500 orders (re-capture)',
    async () => {
      await upsertCapturedOrders(recaptureDb, parseOrderList(parseCapturedJson(page500), ctx), mergeCtx);
    },
    { iterations: 10, warmupIterations: 1 },
  );
});
