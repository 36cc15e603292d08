import type { Page, Worker } from '@playwright/test';
import { makeOrder, orderListResponse } from '../tests/fixtures/order-fixtures';
import { SHOP_ID } from '../tests/e2e/export-helpers';
import { sendOk } from '../tests/e2e/extension-messages';
import { stopWorker } from '../tests/e2e/fault-helpers';
import { expect, test } from '../tests/e2e/harness';
import { type Figure, median, recordFigure } from './figures';

/**
 * Benchmark, not a timed test (issue 11 part 4): the popup's messages with 100,000 stored orders
 * in real Chromium, with the built extension. The orders are written straight into IndexedDB from
 * the service worker (the capture path would take many minutes); one order is then captured
 * through `capture/payload`, the production write path, so the background sees a write after
 * the seed as it would in use.
 *
 * Each message is timed from an extension page (`chrome.runtime.sendMessage`, as the popup
 * sends it), SAMPLES times: "warm" samples repeat the message with no write in between (after one
 * untimed call), "after a write" samples each follow the capture of one more (shipped) order,
 * so nothing the background derived from the orders before can be reused. The in-run baselines
 * are plain IndexedDB reads in the same service worker on the same database: `getAll` of 100
 * rows by primary-key range (pages, counts, summary) and `getAllKeys` of 20,000 keys (select all).
 */

const TOTAL = 100_000;
const TO_SHIP = 20_000;
const SAMPLES = 7;
const OTHER_SHOP = '634418200002';
const BASE_GET_100 = 'popup.baseline.idb-get-100-rows';
const BASE_KEYS_20K = 'popup.baseline.idb-get-20k-keys';

/**
 * Writes orders `from`..`to`-1 straight into the orders store (one transaction per 5,000). Every
 * 5th order is to ship (20,000 of 100,000; one in ten of them partially shipped, a third of them
 * exported, a fifth due today or overdue); every 25th (offset 1) was marked shipped by the seller
 * and keeps status to_ship; the rest shipped, delivered, a few cancelled or pending. Captures
 * come in batches of 500 with one capture time (ties resolved by order number), newest last.
 */
function seedOrders(worker: Worker, from: number, to: number): Promise<void> {
  return worker.evaluate(
    async ({ from, to, total, shops }) => {
      const HOUR = 3_600_000;
      const now = Date.now();
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const req = indexedDB.open('seller-vault');
        req.onsuccess = () => resolve(req.result);
        req.onerror = () => reject(req.error);
      });
      const order = (i: number) => {
        const capturedAt = now - (Math.floor((total - 1 - i) / 500) + 1) * 600_000;
        const toShip = i % 5 === 0;
        const sellerMarked = !toShip && i % 25 === 1;
        const status = toShip
          ? i % 50 === 0
            ? 'partially_shipped'
            : 'to_ship'
          : sellerMarked
            ? 'to_ship'
            : i % 20 === 3
              ? 'cancelled'
              : i % 97 === 2
                ? 'pending'
                : i % 3 === 0
                  ? 'delivered'
                  : 'shipped';
        const statusCode = { to_ship: 2, partially_shipped: 41, cancelled: 3, pending: 1, delivered: 5, shipped: 4 }[status];
        const shipped = !toShip && status !== 'cancelled' && status !== 'pending';
        const shippedAt = shipped ? capturedAt + 2 * HOUR : null;
        return {
          orderSn: `PO-211-${String(i).padStart(17, '0')}`,
          shopId: shops[i % 3],
          status,
          statusCode,
          createdAt: capturedAt - HOUR,
          shipBy: toShip ? now + ((i % 40) - 8) * HOUR : capturedAt + 48 * HOUR,
          shippedAt,
          shippedAtSource: shipped ? (sellerMarked ? 'seller' : 'captured') : null,
          deliveredAt: status === 'delivered' ? capturedAt + 96 * HOUR : null,
          capturedAt,
          updatedAt: capturedAt,
          purgeAt: (shippedAt ?? capturedAt) + 28 * 24 * HOUR,
          exportedAt: toShip ? (i % 3 === 0 ? now - HOUR : null) : status === 'cancelled' || i % 10 === 7 ? null : capturedAt + HOUR,
          exportFormat: null,
          piiState: 'present',
          itemCount: 1 + (i % 3),
          packages: shipped ? [{ packageSn: `PK-${i}`, trackingNumber: `1Z999AA1${String(i).padStart(8, '0')}`, carrier: 'UPS' }] : [],
        };
      };
      for (let start = from; start < to; start += 5000) {
        const tx = db.transaction('orders', 'readwrite');
        const store = tx.objectStore('orders');
        for (let i = start; i < Math.min(to, start + 5000); i++) store.put(order(i));
        await new Promise<void>((resolve, reject) => {
          tx.oncomplete = () => resolve();
          tx.onerror = () => reject(tx.error);
        });
      }
      db.close();
    },
    { from, to, total: TOTAL, shops: [SHOP_ID, OTHER_SHOP, '634418200003'] },
  );
}

/** Plain IndexedDB reads in the service worker (the in-run baselines), on its own connection. */
function rawRead(worker: Worker, what: 'get-100-rows' | 'get-20k-keys' | 'count'): Promise<number> {
  return worker.evaluate(async (what) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const req = indexedDB.open('seller-vault');
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
    const store = db.transaction('orders').objectStore('orders');
    // A range in the middle of the store, away from the rows the popup reads first.
    const from = IDBKeyRange.lowerBound(`PO-211-${String(40_000).padStart(17, '0')}`);
    const t0 = performance.now();
    const req = what === 'get-100-rows' ? store.getAll(from, 100) : what === 'get-20k-keys' ? store.getAllKeys(from, 20_000) : store.count();
    await new Promise((resolve, reject) => {
      req.onsuccess = resolve;
      req.onerror = () => reject(req.error);
    });
    const ms = performance.now() - t0;
    db.close();
    return ms;
  }, what);
}

/** One message from the extension page, timed there; its reply's data. */
async function timeMessage(page: Page, type: string, data: unknown): Promise<{ ms: number; reply: unknown }> {
  return page.evaluate(
    async ([t, d]) => {
      const t0 = performance.now();
      const reply = (await chrome.runtime.sendMessage({ tag: 'seller-vault/v1', type: t, data: d })) as { ok: boolean; data: unknown; error?: unknown };
      const ms = performance.now() - t0;
      if (!reply.ok) throw new Error(`${t}: ${JSON.stringify(reply.error)}`);
      return { ms, reply: reply.data };
    },
    [type, data] as const,
  );
}

test('benchmark: popup messages with 100,000 stored orders', async ({ context, serviceWorker, extensionId, openExtensionPage }) => {
  test.setTimeout(40 * 60_000);
  const page = await openExtensionPage('options.html');
  await sendOk(page, 'consent/grant', { shopId: SHOP_ID, displayName: 'bench shop' });
  await sendOk(page, 'orders/summary', { limit: 5 }); // the background has created the database

  let captured = 0;
  /**
   * One more order, shipped an hour ago, through the production capture path (a write the
   * background sees). Recent on purpose: an order shipped long ago would be due for purging at
   * once, and that purge would write again after the timed message started.
   */
  const captureOne = async () => {
    const now = Date.now();
    const order = makeOrder({
      index: captured,
      parentOrderSn: `PO-211-9${String(captured++).padStart(16, '0')}`,
      status: 4,
      createdAt: now - 3 * 3_600_000,
      shippedAt: now - 3_600_000,
    });
    const json = JSON.stringify(orderListResponse([order]));
    await sendOk(page, 'capture/payload', {
      shopId: SHOP_ID,
      pageUrl: 'https://agentseller.temu.com/mmsos/orders.html',
      utcOffsetMinutes: 0,
      kind: 'orderList',
      orderSnHint: null,
      json,
    });
  };

  // Popup first row with 500 orders (the baseline of the first-row figure), then the rest.
  let worker = serviceWorker;
  /**
   * Orders written straight into IndexedDB bypass the background's Dexie, which keeps counts and
   * lists and carries them over its own writes only: the worker is stopped after a seed (as
   * Chromium stops an idle one), so it starts again with nothing kept.
   */
  const seed = async (from: number, to: number) => {
    await seedOrders(worker, from, to);
    await stopWorker(context, page, extensionId);
    await sendOk(page, 'orders/summary', { limit: 5 }); // wakes it
    for (;;) {
      const running = context.serviceWorkers().find((w) => w.url().startsWith(`chrome-extension://${extensionId}/`));
      if (running && (await running.evaluate(() => true).catch(() => false))) {
        worker = running;
        return;
      }
      await page.waitForTimeout(100);
    }
  };
  await seed(TOTAL - 500, TOTAL - 1);
  await captureOne();
  const firstRow500 = await popupFirstRows(openExtensionPage, 500);
  const seedStart = Date.now();
  await seed(0, TOTAL - 500);
  await captureOne();
  const seedMs = Date.now() - seedStart;
  const stored = TOTAL - 1 + captured;
  expect(await sendOk(page, 'orders/count', { filter: {} })).toBe(stored);
  // LevelDB settles (compaction of the seed) before anything is timed.
  await page.waitForTimeout(10_000);

  const baselines: Record<string, number[]> = { [BASE_GET_100]: [], [BASE_KEYS_20K]: [], 'popup.raw.idb-count-100k': [] };
  /** A few baseline samples before every group, so the baselines see the same machine load. */
  const sampleBaselines = async () => {
    for (let i = 0; i < 2; i++) {
      baselines[BASE_GET_100]!.push(await rawRead(worker, 'get-100-rows'));
      baselines[BASE_KEYS_20K]!.push(await rawRead(worker, 'get-20k-keys'));
      baselines['popup.raw.idb-count-100k']!.push(await rawRead(worker, 'count'));
    }
  };

  const figures: Figure[] = [];
  const measure = async (id: string, label: string, type: string, data: unknown, opts: { baselineId?: string; maxMs: number; check?: (reply: unknown) => void }) => {
    await sampleBaselines();
    // Warm: one untimed call, then SAMPLES with no write in between.
    const first = await timeMessage(page, type, data);
    opts.check?.(first.reply);
    const warm: number[] = [];
    for (let i = 0; i < SAMPLES; i++) warm.push((await timeMessage(page, type, data)).ms);
    // After a write: each sample follows the capture of one more order.
    const cold: number[] = [];
    for (let i = 0; i < SAMPLES; i++) {
      await captureOne();
      await page.waitForTimeout(300);
      const { ms, reply } = await timeMessage(page, type, data);
      opts.check?.(reply);
      cold.push(ms);
    }
    const baselineId = opts.baselineId ?? BASE_GET_100;
    figures.push({ id, label: `${label} (warm: repeated, no write in between)`, samplesMs: warm, baselineId, target: { maxMs: opts.maxMs }, where: 'chromium' });
    figures.push({ id: `${id}.after-write`, label: `${label} (first after a capture)`, samplesMs: cold, baselineId, target: { maxMs: opts.maxMs }, where: 'chromium' });
    console.log(`[popup bench] ${id}: warm ${median(warm).toFixed(1)} ms, after a write ${median(cold).toFixed(1)} ms`);
  };

  const rowsOf = (reply: unknown) => (reply as { rows: unknown[] }).rows;
  const filters: [string, Record<string, unknown>][] = [
    ['all', {}],
    ['to-ship', { toShip: true }],
    ['not-exported', { notExported: true }],
    ['ship-by-due', { shipByDue: true }],
    ['shop', { shopId: OTHER_SHOP }],
    ['to-ship-not-exported', { toShip: true, notExported: true }],
    ['order-number-part', { orderSnQuery: '1234' }],
  ];
  for (const [name, filter] of filters) {
    await measure(
      `popup.first-page.${name}`,
      `orders/page first 100 rows (rows only, as the popup asks), filter ${JSON.stringify(filter)}`,
      'orders/page',
      { filter, offset: 0, limit: 100, withTotal: false },
      {
        maxMs: 100,
        check: (reply) => expect(rowsOf(reply).length).toBeGreaterThan(0),
      },
    );
  }
  for (const [name, filter] of filters) {
    await measure(`popup.count.${name}`, `orders/count, filter ${JSON.stringify(filter)}`, 'orders/count', { filter }, { maxMs: 100 });
  }
  await measure('popup.summary', 'orders/summary (limit 5, as the popup asks)', 'orders/summary', { limit: 5 }, { maxMs: 100 });
  for (const offset of [0, 10_000, 50_000, 99_900]) {
    await measure(
      `popup.page-at.${offset}`,
      `orders/page 100 rows at offset ${offset.toLocaleString('en')}, no filter, rows only`,
      'orders/page',
      { filter: {}, offset, limit: 100, withTotal: false },
      {
        maxMs: 100,
        check: (reply) => expect(rowsOf(reply)).toHaveLength(100),
      },
    );
  }
  await measure(
    'popup.select-all.to-ship',
    `orders/keys, filter to ship (select all: ${TO_SHIP.toLocaleString('en')} order numbers)`,
    'orders/keys',
    { filter: { toShip: true } },
    {
      baselineId: BASE_KEYS_20K,
      maxMs: 300,
      check: (reply) => expect(reply).toHaveLength(TO_SHIP),
    },
  );

  // The popup itself: navigation → first order row, at 100,000 orders (baseline: 500 orders).
  const firstRow = await popupFirstRows(openExtensionPage, TOTAL - 1 + captured);

  recordFigure({
    id: BASE_GET_100,
    label: 'plain IndexedDB getAll of 100 orders rows by primary-key range, in the service worker',
    samplesMs: baselines[BASE_GET_100]!,
    where: 'chromium',
  });
  recordFigure({
    id: BASE_KEYS_20K,
    label: 'plain IndexedDB getAllKeys of 20,000 orders keys by primary-key range, in the service worker',
    samplesMs: baselines[BASE_KEYS_20K]!,
    where: 'chromium',
  });
  recordFigure({
    id: 'popup.raw.idb-count-100k',
    label: 'plain IndexedDB count() of the orders store (100,000 rows), in the service worker (what one uncached total costs)',
    samplesMs: baselines['popup.raw.idb-count-100k']!,
    baselineId: BASE_GET_100,
    where: 'chromium',
  });
  for (const figure of figures) recordFigure(figure);
  recordFigure({ id: 'popup.first-row.500', label: 'popup navigation → first order row, 500 stored orders', samplesMs: firstRow500, where: 'chromium' });
  recordFigure({
    id: 'popup.first-row.100k',
    label: 'popup navigation → first order row, 100,000 stored orders',
    samplesMs: firstRow,
    baselineId: 'popup.first-row.500',
    target: { maxMs: 200 },
    where: 'chromium',
  });

  const table = Object.fromEntries([
    ...Object.entries(baselines).map(([id, xs]) => [id, Math.round(median(xs) * 10) / 10]),
    ...figures.map((f) => [f.id, Math.round(median(f.samplesMs) * 10) / 10]),
    ['popup.first-row.500', median(firstRow500)],
    ['popup.first-row.100k', median(firstRow)],
  ]);
  const summary = `seeded ${TOTAL.toLocaleString('en')} orders in ${seedMs} ms; medians (ms): ${JSON.stringify(table)}`;
  console.log(`[popup bench] ${summary}`);
  test.info().annotations.push({ type: 'benchmark', description: summary });
});

/** Opens the popup SAMPLES times: navigation → first order row (ms each); checks the count shows. */
async function popupFirstRows(openExtensionPage: (p: string) => Promise<Page>, expectedTotal: number): Promise<number[]> {
  const runs: number[] = [];
  for (let run = 0; run < SAMPLES; run++) {
    const popup = await openExtensionPage('options.html');
    const started = Date.now();
    await popup.goto(popup.url().replace('options.html', 'popup.html'));
    await popup.getByTestId('order-row').first().waitFor();
    runs.push(Date.now() - started);
    // The list opens on the due view when orders are due today or overdue (issue 14), as the
    // seeded ones are: the first row timed is the one the seller sees; the total is checked on "all".
    const due = popup.getByTestId('filter-shipByDue');
    if (await due.isChecked()) await due.uncheck();
    await expect(popup.getByTestId('order-count')).toHaveText(`${expectedTotal.toLocaleString('en-US')} orders`, { timeout: 60_000 });
    await popup.close();
  }
  return runs;
}

/**
 * Benchmark: what schema version 4 costs once, when a browser holding 100,000 orders updates.
 * Plain IndexedDB on a database of its own in the service worker, making the index changes
 * Dexie makes for version 3 → 4 (four indexes dropped, five compound indexes built). Each sample
 * goes forward from the version 3 shape; the untimed step between puts the shape back. Baseline:
 * building one plain index (capturedAt) over the same rows.
 */
test('benchmark: schema version 3 → 4 index changes at 100,000 orders', async ({ serviceWorker }) => {
  test.setTimeout(30 * 60_000);
  const UPGRADE_SAMPLES = 3;
  const samples = await serviceWorker.evaluate(
    async ({ total, runs }) => {
      const name = `upgrade-probe-${Date.now()}`;
      const V3 = ['shopId', 'status', 'shipBy', 'exportedAt'];
      const V4: [string, string[]][] = [
        ['[shopId+capturedAt]', ['shopId', 'capturedAt']],
        ['[status+capturedAt]', ['status', 'capturedAt']],
        ['[status+shipBy]', ['status', 'shipBy']],
        ['[status+shippedAt]', ['status', 'shippedAt']],
        ['[status+exportedAt]', ['status', 'exportedAt']],
      ];
      let version = 1;
      /** Opens the next version, runs `change` in its upgrade transaction; ms from open to success. */
      const upgrade = (change: (store: IDBObjectStore, db: IDBDatabase) => void) =>
        new Promise<number>((resolve, reject) => {
          const t0 = performance.now();
          const req = indexedDB.open(name, ++version);
          req.onupgradeneeded = () => {
            const db = req.result;
            change(db.objectStoreNames.contains('orders') ? req.transaction!.objectStore('orders') : db.createObjectStore('orders', { keyPath: 'orderSn' }), db);
          };
          req.onsuccess = () => {
            const ms = performance.now() - t0;
            req.result.close();
            resolve(ms);
          };
          req.onerror = () => reject(req.error);
        });
      await upgrade((store) => {
        for (const index of [...V3, 'purgeAt', 'capturedAt', 'piiState', 'addressReview']) store.createIndex(index, index);
      });
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const req = indexedDB.open(name);
        req.onsuccess = () => resolve(req.result);
        req.onerror = () => reject(req.error);
      });
      const now = Date.now();
      for (let start = 0; start < total; start += 5000) {
        const tx = db.transaction('orders', 'readwrite');
        const store = tx.objectStore('orders');
        for (let i = start; i < start + 5000; i++) {
          const toShip = i % 5 === 0;
          store.put({
            orderSn: `PO-211-${String(i).padStart(17, '0')}`,
            shopId: String(i % 3),
            status: toShip ? 'to_ship' : 'shipped',
            shipBy: now + (i % 97) * 3_600_000,
            shippedAt: toShip ? null : now - i,
            capturedAt: now - Math.floor(i / 500) * 600_000,
            purgeAt: now + i,
            exportedAt: i % 4 ? now : null,
            piiState: 'present',
            itemCount: 1,
          });
        }
        await new Promise<void>((resolve) => {
          tx.oncomplete = () => resolve();
        });
      }
      db.close();
      const forward: number[] = [];
      const oneIndex: number[] = [];
      for (let run = 0; run < runs; run++) {
        forward.push(
          await upgrade((store) => {
            for (const index of V3) store.deleteIndex(index);
            for (const [index, keyPath] of V4) store.createIndex(index, keyPath);
          }),
        );
        await upgrade((store) => {
          for (const [index] of V4) store.deleteIndex(index);
          for (const index of V3) store.createIndex(index, index);
        });
        oneIndex.push(await upgrade((store) => store.createIndex('capturedAt-again', 'capturedAt')));
        await upgrade((store) => store.deleteIndex('capturedAt-again'));
      }
      await new Promise((resolve) => {
        const req = indexedDB.deleteDatabase(name);
        req.onsuccess = resolve;
        req.onerror = resolve;
      });
      return { forward, oneIndex };
    },
    { total: TOTAL, runs: UPGRADE_SAMPLES },
  );
  recordFigure({
    id: 'popup.schema-upgrade.one-index',
    label: 'plain IndexedDB: build one plain index (capturedAt) over 100,000 orders rows',
    samplesMs: samples.oneIndex,
    where: 'chromium',
  });
  recordFigure({
    id: 'popup.schema-upgrade.v3-to-v4',
    label: 'schema version 3 → 4 at 100,000 orders: 4 indexes dropped, 5 compound indexes built (once, on the update)',
    samplesMs: samples.forward,
    baselineId: 'popup.schema-upgrade.one-index',
    where: 'chromium',
  });
  console.log(`[popup bench] schema 3 → 4 at ${TOTAL.toLocaleString('en')} orders: ${JSON.stringify(samples)}`);
});

/**
 * Benchmark: what the version 4 indexes cost on every orders write. Two databases of their own in
 * the service worker, one with the version 3 orders indexes and one with version 4's, 100,000 rows
 * each; after they settle, 5,000 rows are rewritten (purgeAt and piiState changed, as a purge
 * does) in one transaction, alternately in each, SAMPLES times. Baseline: the version 3 database.
 */
test('benchmark: orders writes under the version 3 and version 4 indexes', async ({ serviceWorker }) => {
  test.setTimeout(30 * 60_000);
  const names = { v3: `writes-v3-${Date.now()}`, v4: `writes-v4-${Date.now()}` };
  await serviceWorker.evaluate(
    async ({ names, total }) => {
      const plain = (store: IDBObjectStore, indexes: string[]) => {
        for (const index of indexes) store.createIndex(index, index);
      };
      const shapes: Record<string, (store: IDBObjectStore) => void> = {
        v3: (store) => plain(store, ['shopId', 'status', 'shipBy', 'purgeAt', 'capturedAt', 'exportedAt', 'piiState', 'addressReview']),
        v4: (store) => {
          plain(store, ['purgeAt', 'capturedAt', 'piiState', 'addressReview']);
          for (const [a, b] of [
            ['shopId', 'capturedAt'],
            ['status', 'capturedAt'],
            ['status', 'shipBy'],
            ['status', 'shippedAt'],
            ['status', 'exportedAt'],
          ])
            store.createIndex(`[${a}+${b}]`, [a!, b!]);
        },
      };
      const now = Date.now();
      for (const [shape, name] of Object.entries(names)) {
        const db = await new Promise<IDBDatabase>((resolve, reject) => {
          const req = indexedDB.open(name, 1);
          req.onupgradeneeded = () => shapes[shape]!(req.result.createObjectStore('orders', { keyPath: 'orderSn' }));
          req.onsuccess = () => resolve(req.result);
          req.onerror = () => reject(req.error);
        });
        for (let start = 0; start < total; start += 5000) {
          const tx = db.transaction('orders', 'readwrite');
          const store = tx.objectStore('orders');
          for (let i = start; i < start + 5000; i++) {
            const toShip = i % 5 === 0;
            store.put({
              orderSn: `PO-211-${String(i).padStart(17, '0')}`,
              shopId: String(i % 3),
              status: toShip ? 'to_ship' : 'shipped',
              shipBy: now + (i % 97) * 3_600_000,
              shippedAt: toShip ? null : now - i,
              capturedAt: now - Math.floor(i / 500) * 600_000,
              purgeAt: now + i,
              exportedAt: i % 4 ? now : null,
              piiState: 'present',
              itemCount: 1,
            });
          }
          await new Promise<void>((resolve) => {
            tx.oncomplete = () => resolve();
          });
        }
        db.close();
      }
    },
    { names, total: TOTAL },
  );
  // LevelDB compacts the seed before anything is timed.
  await new Promise((resolve) => setTimeout(resolve, 20_000));
  const samples: Record<'v3' | 'v4', number[]> = { v3: [], v4: [] };
  for (let run = 0; run < SAMPLES; run++) {
    for (const shape of ['v3', 'v4'] as const) {
      samples[shape].push(
        await serviceWorker.evaluate(
          async ({ name, run }) => {
            const db = await new Promise<IDBDatabase>((resolve, reject) => {
              const req = indexedDB.open(name);
              req.onsuccess = () => resolve(req.result);
              req.onerror = () => reject(req.error);
            });
            const t0 = performance.now();
            const tx = db.transaction('orders', 'readwrite');
            const store = tx.objectStore('orders');
            const rows = await new Promise<Record<string, unknown>[]>((resolve) => {
              const req = store.getAll(IDBKeyRange.lowerBound(`PO-211-${String(run * 5000).padStart(17, '0')}`), 5000);
              req.onsuccess = () => resolve(req.result);
            });
            for (const row of rows) store.put({ ...row, purgeAt: null, piiState: run % 2 ? 'present' : 'purged' });
            await new Promise<void>((resolve) => {
              tx.oncomplete = () => resolve();
            });
            db.close();
            return performance.now() - t0;
          },
          { name: names[shape], run },
        ),
      );
    }
  }
  await serviceWorker.evaluate(async (all) => {
    for (const name of all) indexedDB.deleteDatabase(name);
  }, Object.values(names));
  recordFigure({
    id: 'popup.orders-write.v3-indexes',
    label: 'rewrite 5,000 of 100,000 orders rows in one transaction, version 3 indexes (8)',
    samplesMs: samples.v3,
    where: 'chromium',
  });
  recordFigure({
    id: 'popup.orders-write.v4-indexes',
    label: 'rewrite 5,000 of 100,000 orders rows in one transaction, version 4 indexes (9, five compound)',
    samplesMs: samples.v4,
    baselineId: 'popup.orders-write.v3-indexes',
    where: 'chromium',
  });
  console.log(`[popup bench] orders writes, 5,000 rows: ${JSON.stringify(samples)}`);
});
