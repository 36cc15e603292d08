import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import type { BrowserContext, CDPSession, Page } from '@playwright/test';
import { EXTENSION_DIR, expect, test } from '../tests/e2e/harness';
import { sendOk } from '../tests/e2e/extension-messages';
import { FOOTPRINT_FILE, type FootprintFile, median, recordFigure, writeFootprintSizes } from './figures';

/**
 * Footprint (issue 11 part 6), in real Chromium with the built production extension:
 * - sizes of what loads on every seller-center page and on every worker wake (raw and gzipped,
 *   written to bench/footprint-sizes.json in the report's shape, FootprintSizes in figures.ts);
 * - what the MAIN-world hook adds to requests it ignores: the same page on a seller-center host
 *   (hook injected) and on a host the extension does not match (in-run baseline);
 * - wake-to-first-answer: `settings/get` to a stopped service worker vs to an awake one.
 * Prints and records numbers; asserts only that what is measured is what it claims to be.
 */

const SAMPLES = 9;

/** The build measured before issue 11 part 6 (commit 725576c), for the report's before/after. */
const BEFORE = {
  commit: '725576c',
  'content-scripts/seller-center.js': { rawBytes: 350_168, gzipBytes: 107_027 },
  'content-scripts/seller-center-hook.js': { rawBytes: 8_783, gzipBytes: 3_275 },
  'background.js': { rawBytes: 845_193, gzipBytes: 361_315 },
};

/** Targets of issue 11 part 6, in bytes (kB = 1,000 B, as the build prints sizes). */
const FILES = [
  { file: 'content-scripts/seller-center.js', what: 'isolated seller-center content script (every seller-center page, document_start)', target: { maxGzipBytes: 15_000 } },
  { file: 'content-scripts/seller-center-hook.js', what: 'MAIN-world hook (every seller-center page, document_start)', target: {} },
  { file: 'background.js', what: 'service worker (parsed on every wake)', target: { maxRawBytes: 420_000 } },
] as const;

/** Data the service worker reads only when it needs it (packaged at build time, not bundled). */
const ON_DEMAND = [
  { file: 'passphrase-dictionaries.json', what: 'zxcvbn dictionaries: read by the worker on vault set-up and passphrase change' },
  { file: 'country-names.json', what: 'country names: read by the worker on its first address capture' },
] as const;

test('footprint: sizes of the content scripts and the service worker', async () => {
  const files: FootprintFile[] = [];
  for (const { file, what, target } of FILES) {
    const bytes = fs.readFileSync(path.join(EXTENSION_DIR, file));
    const gzipBytes = zlib.gzipSync(bytes).length;
    // Baseline: the same file in the build before issue 11 (ratio = now / before; the worker's target is ≤ 0.5).
    files.push({
      id: file,
      label: `${what}; before: ${BEFORE[file].rawBytes.toLocaleString('en')} B`,
      bytes: bytes.length,
      gzipBytes,
      baselineBytes: BEFORE[file].rawBytes,
      ...('maxGzipBytes' in target ? { targetGzipBytes: target.maxGzipBytes } : {}),
    });
    const kib = (n: number) => `${n.toLocaleString('en')} B (${(n / 1024).toFixed(1)} KiB)`;
    console.log(`[footprint] ${file}: ${kib(bytes.length)} raw, ${kib(gzipBytes)} gzipped; before ${kib(BEFORE[file].rawBytes)} raw, ${kib(BEFORE[file].gzipBytes)} gzipped`);
  }
  for (const { file, what } of ON_DEMAND) {
    const bytes = fs.readFileSync(path.join(EXTENSION_DIR, file));
    files.push({ id: file, label: what, bytes: bytes.length, gzipBytes: zlib.gzipSync(bytes).length });
  }
  writeFootprintSizes({ files });
  console.log(`[footprint] sizes written to ${path.relative(process.cwd(), FOOTPRINT_FILE)}`);
});

const HOOKED_ORIGIN = 'https://agentseller.temu.com';
/** Not in the manifest's matches: neither content script runs here. */
const PLAIN_ORIGIN = 'https://footprint-baseline.example';
const BENCH_PATH = '/footprint-bench/';

/**
 * The same tiny page and the same small JSON answer on both hosts (ignored URLs: no capture API
 * path). Cross-origin isolated (COOP + COEP), so performance.now() ticks in 5 µs steps, not 100 µs.
 */
async function routeBenchHosts(context: BrowserContext): Promise<void> {
  const isolated = { 'cross-origin-opener-policy': 'same-origin', 'cross-origin-embedder-policy': 'require-corp' };
  await context.route(/^https:\/\/(agentseller\.temu\.com|footprint-baseline\.example)\/footprint-bench\//, (route) => {
    const url = new URL(route.request().url());
    if (url.pathname.endsWith('/page.html')) {
      return route.fulfill({
        status: 200,
        headers: { ...isolated, 'content-type': 'text/html;charset=UTF-8' },
        body: '<!doctype html><meta charset="utf-8"><title>footprint</title><p>bench page</p>',
      });
    }
    return route.fulfill({ status: 200, headers: { ...isolated, 'content-type': 'application/json;charset=UTF-8' }, body: '{"success":true,"result":{}}' });
  });
}

type Transport = 'fetch' | 'xhr';
type Mode = 'wrapper' | 'call' | 'roundTrip';

/**
 * Per-request milliseconds on the page, the median of the sample's batches or requests (a loaded
 * machine preempts the page now and then: a median ignores those). Requests look like the seller
 * center's: POST, JSON body, `mallid` header, to a same-origin URL the hook ignores.
 * - `wrapper`: what the hook's own code costs, with almost no browser work around it: fetch() with
 *   an already-aborted signal (the browser rejects it before any network work), and XHR open() +
 *   two setRequestHeader() without send(); batches of 50.
 * - `call`: synchronous time inside fetch() / open() + setRequestHeader() + send() of real
 *   requests (all the ignore path's work is synchronous); batches of 10 fired at once.
 * - `roundTrip`: one request at a time until its body is read (answered through Playwright routing).
 */
function measureRequests(page: Page, transport: Transport, mode: Mode, n: number): Promise<number> {
  return page.evaluate(
    async ([transport, mode, n, base]) => {
      const headers = { 'content-type': 'application/json', mallid: '634418212' };
      const body = '{"pageNumber":1,"pageSize":20}';
      const aborted = AbortSignal.abort();
      const viaFetch = (i: number) => fetch(`${base}api/ignored?i=${i}`, { method: 'POST', headers, body }).then((r) => r.text());
      const viaXhr = (i: number, send = true) =>
        new Promise<void>((resolve) => {
          const xhr = new XMLHttpRequest();
          xhr.open('POST', `${base}api/ignored?i=${i}`);
          xhr.setRequestHeader('content-type', headers['content-type']);
          xhr.setRequestHeader('mallid', headers.mallid);
          if (!send) return resolve();
          xhr.addEventListener('loadend', () => resolve());
          xhr.send(body);
        });
      const abortedFetch = (i: number) => fetch(`${base}api/ignored?i=${i}`, { method: 'POST', headers, body, signal: aborted }).catch((e: unknown) => e);
      const send = mode === 'wrapper' ? (transport === 'fetch' ? abortedFetch : (i: number) => viaXhr(i, false)) : transport === 'fetch' ? viaFetch : viaXhr;
      const perRequest: number[] = [];
      if (mode === 'roundTrip') {
        for (let i = 0; i < n; i++) {
          const t0 = performance.now();
          await send(i);
          perRequest.push(performance.now() - t0);
        }
      } else {
        const batch = mode === 'wrapper' ? 50 : 10;
        for (let b = 0; b < n / batch; b++) {
          const pending: Promise<unknown>[] = [];
          const t0 = performance.now();
          for (let i = 0; i < batch; i++) pending.push(send(b * batch + i));
          perRequest.push((performance.now() - t0) / batch);
          const results = await Promise.all(pending);
          // The aborted fetches really were refused by the browser (nothing went out).
          if (mode === 'wrapper' && transport === 'fetch' && !results.every((r) => r instanceof DOMException && r.name === 'AbortError')) throw new Error('fetch was not aborted');
        }
      }
      perRequest.sort((a, b) => a - b);
      const mid = perRequest.length >> 1;
      return perRequest.length % 2 ? perRequest[mid]! : (perRequest[mid - 1]! + perRequest[mid]!) / 2;
    },
    [transport, mode, n, BENCH_PATH] as const,
  );
}

test('footprint: what the MAIN-world hook adds to requests it ignores', async ({ context }) => {
  test.setTimeout(600_000);
  await routeBenchHosts(context);
  const hooked = await context.newPage();
  const plain = await context.newPage();
  await hooked.goto(`${HOOKED_ORIGIN}${BENCH_PATH}page.html`);
  await plain.goto(`${PLAIN_ORIGIN}${BENCH_PATH}page.html`);
  // What is compared is what it claims: the hook wraps fetch and XHR on the seller-center host only.
  const wrapped = (page: Page) =>
    page.evaluate(() => [fetch, XMLHttpRequest.prototype.open, XMLHttpRequest.prototype.send].map((f) => !Function.prototype.toString.call(f).includes('[native code]')));
  expect(await wrapped(hooked)).toEqual([true, true, true]);
  expect(await wrapped(plain)).toEqual([false, false, false]);
  expect(await Promise.all([hooked, plain].map((p) => p.evaluate(() => crossOriginIsolated)))).toEqual([true, true]);

  const cases = [
    { transport: 'fetch', mode: 'wrapper', n: 1000, what: 'the hook code of one fetch() (browser refuses it at once: aborted signal)' },
    { transport: 'xhr', mode: 'wrapper', n: 1000, what: 'the hook code of one XHR open + 2 setRequestHeader (no send)' },
    { transport: 'fetch', mode: 'call', n: 200, what: 'synchronous cost of one fetch() call' },
    { transport: 'xhr', mode: 'call', n: 200, what: 'synchronous cost of one XHR open + 2 setRequestHeader + send' },
    { transport: 'fetch', mode: 'roundTrip', n: 30, what: 'one fetch round trip (answer through Playwright routing)' },
    { transport: 'xhr', mode: 'roundTrip', n: 30, what: 'one XHR round trip (answer through Playwright routing)' },
  ] as const;
  for (const c of cases) {
    // Warm-up on both pages (JIT, connection set-up), then alternate so drift hits both alike.
    await measureRequests(hooked, c.transport, c.mode, c.n);
    await measureRequests(plain, c.transport, c.mode, c.n);
    const withHook: number[] = [];
    const without: number[] = [];
    for (let s = 0; s < SAMPLES; s++) {
      // Which page goes first alternates, so neither always meets the machine's state left by the other.
      if (s % 2 === 0) {
        without.push(await measureRequests(plain, c.transport, c.mode, c.n));
        withHook.push(await measureRequests(hooked, c.transport, c.mode, c.n));
      } else {
        withHook.push(await measureRequests(hooked, c.transport, c.mode, c.n));
        without.push(await measureRequests(plain, c.transport, c.mode, c.n));
      }
    }
    const id = `hook.ignored.${c.transport}-${{ wrapper: 'wrapper', call: 'call', roundTrip: 'round-trip' }[c.mode]}`;
    recordFigure({
      id: `${id}.no-hook`,
      label: `${c.what}, ignored URL, page without the hook (ms per request, ${c.n} requests per sample)`,
      samplesMs: without,
      where: 'chromium',
    });
    recordFigure({
      id,
      label: `${c.what}, ignored URL, seller-center page with the MAIN-world hook (ms per request, ${c.n} requests per sample)`,
      samplesMs: withHook,
      baselineId: `${id}.no-hook`,
      where: 'chromium',
    });
    const [mWith, mWithout] = [median(withHook), median(without)];
    console.log(
      `[footprint] ${c.what}: with hook ${(mWith * 1000).toFixed(1)} µs, without ${(mWithout * 1000).toFixed(1)} µs, ` +
        `added ${((mWith - mWithout) * 1000).toFixed(1)} µs per request (ratio ${(mWith / mWithout).toFixed(3)})`,
    );
  }
});

/** Stops the extension's service worker through the DevTools protocol and waits until it has stopped. */
async function stopServiceWorker(cdp: CDPSession, extensionOrigin: string, versions: Map<string, { scriptURL: string; runningStatus: string }>): Promise<void> {
  const mine = () => [...versions.entries()].filter(([, v]) => v.scriptURL.startsWith(extensionOrigin));
  await expect.poll(() => mine().some(([, v]) => v.runningStatus === 'running'), { timeout: 10_000 }).toBe(true);
  for (const [versionId, v] of mine()) if (v.runningStatus === 'running') await cdp.send('ServiceWorker.stopWorker', { versionId });
  await expect.poll(() => mine().every(([, v]) => v.runningStatus === 'stopped'), { timeout: 10_000 }).toBe(true);
}

test('footprint: wake-to-first-answer of the service worker', async ({ context, extensionId, openExtensionPage }) => {
  test.setTimeout(300_000);
  // A page that sends nothing on its own while measured.
  const page = await openExtensionPage('options.html#policy');
  await sendOk(page, 'settings/get', {});
  const cdp = await context.newCDPSession(page);
  const versions = new Map<string, { scriptURL: string; runningStatus: string }>();
  cdp.on('ServiceWorker.workerVersionUpdated', (e: { versions: { versionId: string; scriptURL: string; runningStatus: string }[] }) => {
    for (const v of e.versions) versions.set(v.versionId, { scriptURL: v.scriptURL, runningStatus: v.runningStatus });
  });
  await cdp.send('ServiceWorker.enable');
  const origin = `chrome-extension://${extensionId}/`;

  const timeSettingsGet = () =>
    page.evaluate(async () => {
      const t0 = performance.now();
      const reply = (await chrome.runtime.sendMessage({ tag: 'seller-vault/v1', type: 'settings/get', data: {} })) as { ok: boolean; data?: { retentionDays?: unknown } };
      return { ms: performance.now() - t0, ok: reply?.ok === true && typeof reply.data?.retentionDays === 'number' };
    });

  const awake: number[] = [];
  const woken: number[] = [];
  // Warm-up: one wake that is not counted (disk cache of the script).
  await stopServiceWorker(cdp, origin, versions);
  expect((await timeSettingsGet()).ok).toBe(true);
  for (let s = 0; s < SAMPLES; s++) {
    await page.waitForTimeout(300);
    const warm = await timeSettingsGet(); // the worker is running: the first answer after the wake above
    expect(warm.ok).toBe(true);
    awake.push(warm.ms);
    await stopServiceWorker(cdp, origin, versions);
    await page.waitForTimeout(300);
    const cold = await timeSettingsGet();
    expect(cold.ok).toBe(true);
    woken.push(cold.ms);
  }
  recordFigure({ id: 'wake.settings-get.awake', label: 'settings/get from an extension page to a running service worker', samplesMs: awake, where: 'chromium' });
  recordFigure({
    id: 'wake.settings-get.stopped',
    label: 'settings/get from an extension page to a stopped service worker (wake-to-first-answer)',
    samplesMs: woken,
    baselineId: 'wake.settings-get.awake',
    where: 'chromium',
  });
  console.log(
    `[footprint] wake-to-first-answer: stopped worker ${median(woken).toFixed(1)} ms, awake ${median(awake).toFixed(1)} ms ` +
      `(ratio ${(median(woken) / median(awake)).toFixed(1)}); samples stopped ${woken.map((m) => m.toFixed(0)).join(' ')}, awake ${awake.map((m) => m.toFixed(1)).join(' ')}`,
  );
});
