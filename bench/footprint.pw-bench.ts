import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import type { BrowserContext, CDPSession, Page } from '@playwright/test';
import { EXTENSION_DIR, expect, test } from '../tests/e2e/harness';
import { sendOk } from '../tests/e2e/extension-messages';
import { median, recordFigure } from './figures';

/**
 * Footprint (issue 11 part 6), in real Chromium with the built production extension:
 * - sizes of what loads on every seller-center page and on every worker wake (raw and gzipped,
 *   written to bench/footprint-sizes.json: figures.ts records times only);
 * - what the MAIN-world hook adds to requests it ignores: the same page on a seller-center host
 *   (hook injected) and on a host the extension does not match (in-run baseline);
 * - wake-to-first-answer: `settings/get` to a stopped service worker vs to an awake one.
 * Prints and records numbers; asserts only that what is measured is what it claims to be.
 */

const SAMPLES = 9;
const SIZES_FILE = path.resolve('bench/footprint-sizes.json');

/** The build measured before issue 11 part 6 (commit 725576c), for the report's before/after. */
const BEFORE = {
  commit: '725576c',
  'content-scripts/seller-center.js': { rawBytes: 350_168, gzipBytes: 107_027 },
  'content-scripts/seller-center-hook.js': { rawBytes: 8_783, gzipBytes: 3_275 },
  'background.js': { rawBytes: 845_193, gzipBytes: 361_315 },
};

const FILES = [
  { file: 'content-scripts/seller-center.js', what: 'isolated seller-center content script (every seller-center page, document_start)', target: { maxGzipBytes: 15 * 1024 } },
  { file: 'content-scripts/seller-center-hook.js', what: 'MAIN-world hook (every seller-center page, document_start)', target: {} },
  { file: 'background.js', what: 'service worker (parsed on every wake)', target: { maxRawBytes: 420 * 1024 } },
] as const;

test('footprint: sizes of the content scripts and the service worker', async () => {
  const files: Record<string, { what: string; rawBytes: number; gzipBytes: number; target: object; before: { rawBytes: number; gzipBytes: number } }> = {};
  for (const { file, what, target } of FILES) {
    const bytes = fs.readFileSync(path.join(EXTENSION_DIR, file));
    const gzipBytes = zlib.gzipSync(bytes).length;
    files[file] = { what, rawBytes: bytes.length, gzipBytes, target, before: BEFORE[file] };
    console.log(
      `[footprint] ${file}: ${(bytes.length / 1024).toFixed(1)} KB raw, ${(gzipBytes / 1024).toFixed(1)} KB gzipped ` +
        `(before: ${(BEFORE[file].rawBytes / 1024).toFixed(1)} KB / ${(BEFORE[file].gzipBytes / 1024).toFixed(1)} KB)`,
    );
  }
  const report = {
    measuredAt: new Date().toISOString(),
    build: path.relative(process.cwd(), EXTENSION_DIR),
    gzip: 'node:zlib gzipSync, default level (6)',
    beforeCommit: BEFORE.commit,
    files,
  };
  fs.writeFileSync(SIZES_FILE, `${JSON.stringify(report, null, 2)}\n`);
  console.log(`[footprint] sizes written to ${path.relative(process.cwd(), SIZES_FILE)}`);
});

const HOOKED_ORIGIN = 'https://agentseller.temu.com';
/** Not in the manifest's matches: neither content script runs here. */
const PLAIN_ORIGIN = 'https://footprint-baseline.example';
const BENCH_PATH = '/footprint-bench/';

/** The same tiny page and the same small JSON answer on both hosts (ignored URLs: no capture API path). */
async function routeBenchHosts(context: BrowserContext): Promise<void> {
  await context.route(/^https:\/\/(agentseller\.temu\.com|footprint-baseline\.example)\/footprint-bench\//, (route) => {
    const url = new URL(route.request().url());
    if (url.pathname.endsWith('/page.html')) {
      return route.fulfill({ status: 200, contentType: 'text/html;charset=UTF-8', body: '<!doctype html><meta charset="utf-8"><title>footprint</title><p>bench page</p>' });
    }
    return route.fulfill({ status: 200, contentType: 'application/json;charset=UTF-8', body: '{"success":true,"result":{}}' });
  });
}

type Transport = 'fetch' | 'xhr';

/**
 * Per-request milliseconds on the page: `call` = synchronous time inside fetch() / open() +
 * setRequestHeader() + send() for `n` requests fired at once (all the ignore path's work is
 * synchronous); `roundTrip` = `n` requests one after the other until the body is read.
 * Requests look like the seller center's: POST, JSON body, `mallid` header.
 */
function measureRequests(page: Page, transport: Transport, mode: 'call' | 'roundTrip', n: number): Promise<number> {
  return page.evaluate(
    async ([transport, mode, n, base]) => {
      const headers = { 'content-type': 'application/json', mallid: '634418212' };
      const body = '{"pageNumber":1,"pageSize":20}';
      const viaFetch = (i: number) => fetch(`${base}api/ignored?i=${i}`, { method: 'POST', headers, body });
      const viaXhr = (i: number, done: () => void) => {
        const xhr = new XMLHttpRequest();
        xhr.open('POST', `${base}api/ignored?i=${i}`);
        xhr.setRequestHeader('content-type', headers['content-type']);
        xhr.setRequestHeader('mallid', headers.mallid);
        xhr.addEventListener('loadend', done);
        xhr.send(body);
      };
      if (mode === 'call') {
        const pending: Promise<unknown>[] = [];
        let callMs = 0;
        for (let i = 0; i < n; i++) {
          const t0 = performance.now();
          if (transport === 'fetch') {
            const p = viaFetch(i);
            callMs += performance.now() - t0;
            pending.push(p.then((r) => r.text()));
          } else {
            let done!: () => void;
            const p = new Promise<void>((resolve) => {
              done = resolve;
            });
            const t1 = performance.now();
            viaXhr(i, done);
            callMs += performance.now() - t1;
            pending.push(p);
          }
        }
        await Promise.all(pending);
        return callMs / n;
      }
      const t0 = performance.now();
      for (let i = 0; i < n; i++) {
        if (transport === 'fetch') await (await viaFetch(i)).text();
        else await new Promise<void>((resolve) => viaXhr(i, resolve));
      }
      return (performance.now() - t0) / n;
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

  const cases = [
    { transport: 'fetch', mode: 'call', n: 400, what: 'synchronous cost of one fetch() call' },
    { transport: 'xhr', mode: 'call', n: 400, what: 'synchronous cost of one XHR open + 2 setRequestHeader + send' },
    { transport: 'fetch', mode: 'roundTrip', n: 40, what: 'one fetch round trip (answer through Playwright routing)' },
    { transport: 'xhr', mode: 'roundTrip', n: 40, what: 'one XHR round trip (answer through Playwright routing)' },
  ] as const;
  for (const c of cases) {
    // Warm-up on both pages (JIT, connection set-up), then alternate so drift hits both alike.
    await measureRequests(hooked, c.transport, c.mode, c.n);
    await measureRequests(plain, c.transport, c.mode, c.n);
    const withHook: number[] = [];
    const without: number[] = [];
    for (let s = 0; s < SAMPLES; s++) {
      without.push(await measureRequests(plain, c.transport, c.mode, c.n));
      withHook.push(await measureRequests(hooked, c.transport, c.mode, c.n));
    }
    const id = `hook.ignored.${c.transport}-${c.mode === 'call' ? 'call' : 'round-trip'}`;
    recordFigure({ id: `${id}.no-hook`, label: `${c.what}, ignored URL, page without the hook (per request, ${c.n} requests per sample)`, samplesMs: without, where: 'chromium' });
    recordFigure({
      id,
      label: `${c.what}, ignored URL, seller-center page with the MAIN-world hook (per request, ${c.n} requests per sample)`,
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
