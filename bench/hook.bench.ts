import { bench, describe } from 'vitest';
import { type HookWindow, installCaptureHook } from '../utils/seller-page/capture-hook';
import { median, recordFigure } from './figures';

/**
 * The MAIN-world hook's own cost on a request it ignores (issue 11), without a browser around it:
 * a page window whose fetch answers at once and whose XHR does nothing, with and without the hook.
 * The real-Chromium figures (bench/footprint.pw-bench.ts) cannot resolve microseconds on a busy
 * machine; this one can.
 */
function pageWindow(): HookWindow {
  class PageXhr extends EventTarget {
    open() {}
    setRequestHeader() {}
    send() {}
    get responseText() {
      return '';
    }
    get responseType() {
      return '';
    }
    get responseURL() {
      return '';
    }
  }
  const answer = Promise.resolve(new Response('{}'));
  return Object.assign(new EventTarget(), {
    Reflect,
    Object,
    Array,
    String,
    RegExp,
    JSON,
    URL,
    URLSearchParams,
    Promise,
    WeakMap,
    EventTarget,
    Event,
    MessageEvent,
    MessagePort,
    Response,
    Request,
    Headers,
    XMLHttpRequest: PageXhr as unknown as typeof XMLHttpRequest,
    fetch: (() => answer) as typeof fetch,
    postMessage: () => undefined,
    location: { origin: 'https://agentseller.temu.com', pathname: '/mmsos/orders.html', href: 'https://agentseller.temu.com/mmsos/orders.html?queryType=2' } as Location,
  });
}

const plain = pageWindow();
const hooked = pageWindow();
installCaptureHook(hooked);

const URL_IGNORED = 'https://agentseller.temu.com/api/kiana/mms/robin/searchForSemiSupplier';
const init = { method: 'POST', headers: { 'content-type': 'application/json', mallid: '634418212' }, body: '{"pageNumber":1}' };
const ignoredFetch = (win: HookWindow) => void win.fetch(URL_IGNORED, init);
const ignoredXhr = (win: HookWindow) => {
  const xhr = new win.XMLHttpRequest();
  xhr.open('POST', URL_IGNORED);
  xhr.setRequestHeader('mallid', '634418212');
  xhr.send('{}');
};

/** Milliseconds per call, median of 9 samples of 20,000 calls (after a warm-up). */
function samples(call: (win: HookWindow) => void, win: HookWindow): number[] {
  const N = 20_000;
  for (let i = 0; i < N; i++) call(win);
  const out: number[] = [];
  for (let s = 0; s < 9; s++) {
    const t0 = performance.now();
    for (let i = 0; i < N; i++) call(win);
    out.push((performance.now() - t0) / N);
  }
  return out;
}

for (const [name, call] of [
  ['fetch', ignoredFetch],
  ['xhr', ignoredXhr],
] as const) {
  const without = samples(call, plain);
  const withHook = samples(call, hooked);
  const what = name === 'fetch' ? 'one ignored fetch() (POST, JSON body, mallid header)' : 'one ignored XHR open + setRequestHeader + send';
  recordFigure({ id: `hook.ignored.${name}-js.no-hook`, label: `${what}: page window without the hook (Node, no network)`, samplesMs: without, where: 'node' });
  recordFigure({
    id: `hook.ignored.${name}-js`,
    label: `${what}: the MAIN-world hook's own code (Node, no network)`,
    samplesMs: withHook,
    baselineId: `hook.ignored.${name}-js.no-hook`,
    where: 'node',
  });
  console.log(`[hook] ${what}: ${(median(withHook) * 1000).toFixed(2)} µs with the hook, ${(median(without) * 1000).toFixed(2)} µs without`);
}

describe('MAIN-world hook: a request it ignores (Node, no network)', () => {
  bench('fetch() without the hook', () => ignoredFetch(plain));
  bench('fetch() through the hook', () => ignoredFetch(hooked));
  bench('XHR without the hook', () => ignoredXhr(plain));
  bench('XHR through the hook', () => ignoredXhr(hooked));
});
