import { zoneFromRequestBody } from '../time/utc-offset';
import { readFileSync } from 'node:fs';
import { getEventListeners } from 'node:events';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { installCaptureHook, MAX_REQUEST_JSON_CHARS, type HookWindow } from './capture-hook';
import { BRIDGE_SOURCE, matchCaptureApi, readSessionRequest, type SessionRequestCommand } from './page-bridge';
import { defaultCoreBuiltins, savePageBuiltins } from './page-builtins';
import { makeSessionRequest } from './session-requests';

const b = defaultCoreBuiltins();
const SECRET = 's';
const ORDER_LIST = 'https://agentseller.temu.com/kirogi/bg/mms/recentOrderList';
const PAGE = 'https://agentseller.temu.com/mmsos/orders.html';
const ADDRESS_API = 'https://agentseller.temu.com/mms/orchid/address/snapshot/order_shipping_address_query';
const PACKAGES_API = 'https://agentseller.temu.com/mms/eagle/package/main_batch_query';
const SHIP_API = 'https://agentseller.temu.com/mms/eagle/package/online/batch_send';
const fixture = (name: string) => readFileSync(`tests/fixtures/seller-center-shapes/${name}`, 'utf8');

/** MessageEvent with brand-checked prototype getters, like the browser's (Node's requires a MessagePort source). */
class TestMessageEvent extends Event {
  readonly #data: unknown;
  readonly #ports: readonly MessagePort[];
  readonly #source: unknown;
  constructor(type: string, init: { data?: unknown; ports?: MessagePort[]; source?: unknown }) {
    super(type);
    this.#data = init.data;
    this.#ports = Object.freeze([...(init.ports ?? [])]);
    this.#source = init.source ?? null;
  }
  get data() {
    return this.#data;
  }
  get ports() {
    return this.#ports;
  }
  get source() {
    return this.#source;
  }
}

/** Page-script overrides, undone after each test (they patch this realm's real prototypes). */
const undo: (() => void)[] = [];
function pageOverride<T extends object>(target: T, key: PropertyKey, descriptor: PropertyDescriptor) {
  const before = Object.getOwnPropertyDescriptor(target, key);
  Object.defineProperty(target, key, { configurable: true, ...descriptor });
  undo.push(() => (before ? Object.defineProperty(target, key, before) : delete (target as Record<PropertyKey, unknown>)[key]));
}
const channels: MessageChannel[] = [];
afterEach(() => {
  for (const fn of undo.splice(0).reverse()) fn();
  for (const c of channels.splice(0)) {
    c.port1.close();
    c.port2.close();
  }
});

/** A page window reduced to what the hook touches: a real EventTarget carrying this realm's built-ins. */
function fakeWindow(fetchImpl: (input: RequestInfo | URL, init?: RequestInit) => Promise<Response>, pathname = '/mmsos/orders.html', search = '?parent_order_sn=PO-211-9') {
  class FakeXhr extends EventTarget {
    #url = '';
    #responseText = '';
    #responseType = '';
    headers: Record<string, string> = {};
    sent: unknown[] = [];
    open(_m: string, url: string) {
      this.#url = String(url);
    }
    setRequestHeader(k: string, v: string) {
      this.headers[k] = v;
    }
    send(body?: unknown) {
      this.sent.push(body);
    }
    get responseText() {
      return this.#responseText;
    }
    get response() {
      return this.#responseType === 'json' ? JSON.parse(this.#responseText) : this.#responseText;
    }
    get responseType() {
      return this.#responseType;
    }
    set responseType(v: string) {
      this.#responseType = v;
    }
    get responseURL() {
      return this.#url;
    }
    /** The browser firing `load` (listeners added with once: true are removed). */
    fireLoad(responseText: string) {
      this.#responseText = responseText;
      this.dispatchEvent(new Event('load'));
    }
  }
  const win = Object.assign(new EventTarget(), {
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
    MessageEvent: TestMessageEvent,
    MessagePort,
    Response,
    Request,
    Headers,
    XMLHttpRequest: FakeXhr,
    fetch: fetchImpl,
    postMessage: vi.fn(),
    location: { origin: 'https://agentseller.temu.com', pathname, href: `https://agentseller.temu.com${pathname}${search}` },
    rawData: undefined as unknown,
  });
  const emit = (type: string, init: { data?: unknown; ports?: MessagePort[]; source?: unknown } = {}) => win.dispatchEvent(new TestMessageEvent(type, init));
  /** The isolated side: posts a port (port2 goes to the page window), reads what arrives on port1. */
  const connect = (secret = SECRET) => {
    const channel = new MessageChannel();
    channels.push(channel);
    const received: Record<string, unknown>[] = [];
    channel.port1.onmessage = (e) => void received.push(e.data as Record<string, unknown>);
    emit('message', { source: win, data: { source: BRIDGE_SOURCE, type: 'port', secret }, ports: [channel.port2] });
    return { received, port: channel.port2, captures: () => received.filter((m) => m.type === 'capture') };
  };
  const xhr = () => new FakeXhr() as unknown as XMLHttpRequest & FakeXhr;
  return { win: win as unknown as HookWindow & typeof win, emit, connect, xhr, FakeXhr };
}

const wait = (ms = 5) => new Promise((r) => setTimeout(r, ms));
async function until(check: () => boolean) {
  for (let i = 0; i < 200 && !check(); i++) await wait();
}
const json = (value: unknown) => new Response(JSON.stringify(value));

describe('MAIN-world capture hook', () => {
  it('tests URLs once: only the known APIs, with a query string allowed', () => {
    expect(matchCaptureApi(ORDER_LIST, PAGE, b)).toBe('orderList');
    expect(matchCaptureApi('/kirogi/bg/mms/recentOrderList?is_back=1', PAGE, b)).toBe('orderList');
    expect(matchCaptureApi('/mms/orchid/address/snapshot/order_shipping_address_query?x=1', PAGE, b)).toBe('address');
    expect(matchCaptureApi('/mms/eagle/package/main_batch_query', PAGE, b)).toBe('packages');
    expect(matchCaptureApi('/mms/eagle/package/online/batch_send?x=1', PAGE, b)).toBe('shipAction');
    expect(matchCaptureApi('/kirogi/bg/mms/recentOrderListExport', PAGE, b)).toBeNull();
    expect(matchCaptureApi('/mms/eagle/package/online/batch_send_v2', PAGE, b)).toBeNull();
    expect(matchCaptureApi('/api/other', PAGE, b)).toBeNull();
  });

  it('reads the known paths on https seller-center hosts only', () => {
    expect(matchCaptureApi('https://seller.kuajingmaihuo.com/kirogi/bg/mms/recentOrderList', PAGE, b)).toBe('orderList');
    expect(matchCaptureApi('https://evil.example/kirogi/bg/mms/recentOrderList', PAGE, b)).toBeNull();
    expect(matchCaptureApi('//evil.example/mms/orchid/address/snapshot/order_shipping_address_query', PAGE, b)).toBeNull();
    expect(matchCaptureApi('http://agentseller.temu.com/kirogi/bg/mms/recentOrderList', PAGE, b)).toBeNull();
    expect(matchCaptureApi('http://agentseller.temu.com/mms/eagle/package/main_batch_query', PAGE, b)).toBeNull();
    expect(matchCaptureApi('https://evil.example/x?u=/kirogi/bg/mms/recentOrderList', PAGE, b)).toBeNull();
    expect(matchCaptureApi('https://evil.example/mms/eagle/package/online/batch_send', PAGE, b)).toBeNull();
  });

  it('gives the page its own Response untouched; copies only matching ones and posts them with the secret', async () => {
    const responses: Response[] = [];
    const { win, connect } = fakeWindow(async (input) => {
      const r = json({ url: input instanceof Request ? input.url : String(input) });
      responses.push(r);
      return r;
    });
    installCaptureHook(win);
    expect(win.postMessage).toHaveBeenCalledWith({ source: BRIDGE_SOURCE, type: 'hook-ready' }, 'https://agentseller.temu.com');

    const other = await win.fetch('https://agentseller.temu.com/api/other', { headers: { mallid: '123' } });
    expect(other).toBe(responses[0]);
    expect(other.bodyUsed).toBe(false);

    const listRes = await win.fetch(ORDER_LIST, { method: 'POST', headers: { MallId: '634418212' } });
    expect(listRes).toBe(responses[1]);
    expect(await listRes.json()).toEqual({ url: ORDER_LIST }); // the page can still read its body
    await wait();

    // Buffered until the isolated script's port arrives; a port from elsewhere is ignored.
    const stray = new MessageChannel();
    channels.push(stray);
    win.dispatchEvent(new TestMessageEvent('message', { source: {}, data: { source: BRIDGE_SOURCE, type: 'port', secret: SECRET }, ports: [stray.port2] }));
    const isolated = connect();
    const late = connect('other');
    await until(() => isolated.received.length >= 5);
    await wait(20);
    expect(isolated.received).toEqual([
      { type: 'connected', secret: SECRET },
      { type: 'shop', mallId: '123', secret: SECRET },
      { type: 'list-request', secret: SECRET },
      { type: 'shop', mallId: '634418212', secret: SECRET },
      { type: 'capture', kind: 'orderList', mallId: '634418212', json: JSON.stringify({ url: ORDER_LIST }), orderSnHint: null, requestJson: null, secret: SECRET },
    ]);
    expect(late.received).toEqual([]);
  });

  it('never breaks the page: a failing request still rejects to the page only', async () => {
    const { win } = fakeWindow(async () => {
      throw new TypeError('Failed to fetch');
    });
    installCaptureHook(win);
    await expect(win.fetch(ORDER_LIST)).rejects.toThrow('Failed to fetch');
    await expect(win.fetch('https://agentseller.temu.com/api/other')).rejects.toThrow('Failed to fetch');
  });

  it('ignored requests (issue 11): the page URL is not read, the page gets its answer, and the shop is still noted from every header form', async () => {
    const { win, connect, xhr: newXhr } = fakeWindow(async () => new Response('{}'));
    let pageUrlReads = 0;
    const href = win.location.href;
    Object.defineProperty(win.location, 'href', {
      get: () => {
        pageUrlReads++;
        return href;
      },
    });
    installCaptureHook(win);
    const isolated = connect();
    const other = 'https://agentseller.temu.com/api/other';
    // A forgery inheriting Headers.prototype: the brand-checked get throws, so it reads as a record.
    const forged = Object.assign(Object.create(Headers.prototype), { mallid: '105' });
    for (const [i, init] of [{ headers: { MallId: '101' } }, { headers: new Headers({ mallid: '102' }) }, { headers: [['mallid', '103']] }, { headers: forged }].entries()) {
      expect(await (await win.fetch(`${other}?${i}`, init as RequestInit)).text()).toBe('{}');
    }
    await win.fetch(new Request(other, { headers: { mallid: '104' } }));
    await win.fetch(new URL(other), { headers: { mallid: '106' } });
    const xhr = newXhr();
    xhr.open('POST', other);
    xhr.setRequestHeader('mallid', '107');
    xhr.send('{}');
    expect(xhr.sent).toEqual(['{}']);
    expect(pageUrlReads).toBe(0);
    await until(() => isolated.received.length >= 8);
    expect(isolated.received.filter((m) => m.type === 'shop').map((m) => m.mallId)).toEqual(['101', '102', '103', '105', '104', '106', '107']);
    expect(isolated.captures()).toEqual([]);
    // A known API still reads the page URL (relative URLs resolve against it).
    await win.fetch('/kirogi/bg/mms/recentOrderList', { method: 'POST', headers: { mallid: '107' } });
    expect(pageUrlReads).toBeGreaterThan(0);
  });

  it('reads XHR answers of the address API with the order number from the request body', async () => {
    const { win, connect, xhr: newXhr } = fakeWindow(async () => new Response('{}'));
    installCaptureHook(win);
    const isolated = connect();
    const xhr = newXhr();
    xhr.open('POST', ADDRESS_API);
    xhr.setRequestHeader('mallid', '634418212');
    xhr.send(JSON.stringify({ parent_order_sn: 'PO-211-5' }));
    expect(xhr.sent).toHaveLength(1); // the real send ran
    xhr.fireLoad('{"result":{}}');
    await until(() => isolated.captures().length > 0);
    expect(isolated.captures()).toEqual([
      { type: 'capture', kind: 'address', mallId: '634418212', json: '{"result":{}}', orderSnHint: 'PO-211-5', requestJson: null, secret: SECRET },
    ]);
  });

  it('stamps each response with the mallid of its own request, not the latest request on the page', async () => {
    const gates: Record<string, (r: Response) => void> = {};
    const { win, connect, xhr } = fakeWindow(
      (input) =>
        new Promise<Response>((resolve) => {
          gates[String(input instanceof Request ? input.url : input)] = resolve;
        }),
    );
    installCaptureHook(win);
    const isolated = connect();

    // Shop A's list is in flight when the seller switches to shop B, whose request answers first.
    const slow = win.fetch(ORDER_LIST, { method: 'POST', headers: { mallid: '111' } });
    const fast = win.fetch(new Request(`${ORDER_LIST}?b`, { method: 'POST', headers: { mallid: '222' } }));
    gates[`${ORDER_LIST}?b`]!(new Response('{"shop":"B"}'));
    await fast;
    await wait(20);
    gates[ORDER_LIST]!(new Response('{"shop":"A"}'));
    await slow;
    await wait(20);
    // XHR: shop A's request sent, then shop B's; A answers last.
    const xa = xhr();
    const xb = xhr();
    xa.open('POST', ADDRESS_API);
    xa.setRequestHeader('mallid', '111');
    xa.send('{"parent_order_sn":"PO-211-1"}');
    xb.open('POST', ADDRESS_API);
    xb.setRequestHeader('mallid', '222');
    xb.send('{"parent_order_sn":"PO-211-2"}');
    xb.fireLoad('{"x":"B"}');
    xa.fireLoad('{"x":"A"}');
    await until(() => isolated.captures().length >= 4);
    expect(isolated.captures().map((m) => `${m.json}@${m.mallId}`)).toEqual(['{"shop":"B"}@222', '{"shop":"A"}@111', '{"x":"B"}@222', '{"x":"A"}@111']);
  });

  it('a reused XHR forwards each answer once, with the kind and hint of its own request', async () => {
    const { win, connect, xhr: newXhr } = fakeWindow(async () => new Response('{}'));
    installCaptureHook(win);
    const isolated = connect();
    const xhr = newXhr();
    xhr.open('POST', ADDRESS_API);
    xhr.setRequestHeader('mallid', '634418212');
    xhr.send('{"parent_order_sn":"PO-211-5"}');
    xhr.fireLoad('{"first":1}');
    // Same object, now another API: its answer must not go out as an address of PO-211-5.
    xhr.open('POST', 'https://agentseller.temu.com/api/other');
    xhr.send('{}');
    xhr.fireLoad('{"other":1}');
    // Aborted address request (no load), then a list request on the same object.
    xhr.open('POST', ADDRESS_API);
    xhr.send('{"parent_order_sn":"PO-211-6"}');
    xhr.open('POST', ORDER_LIST);
    xhr.setRequestHeader('mallid', '634418212');
    xhr.send('{}');
    xhr.fireLoad('{"list":1}');
    await until(() => isolated.captures().length >= 2);
    await wait(20);
    expect(isolated.captures().map((m) => [m.kind, m.json, m.orderSnHint])).toEqual([
      ['address', '{"first":1}', 'PO-211-5'],
      ['orderList', '{"list":1}', null],
    ]);
    expect(getEventListeners(xhr, 'load')).toHaveLength(0);
  });

  it("does not forward a 'json' XHR answer (an object the page's listeners share and may have changed)", async () => {
    const { win, connect, xhr: newXhr } = fakeWindow(async () => new Response('{}'));
    installCaptureHook(win);
    const isolated = connect();
    const xhr = newXhr();
    xhr.open('POST', ADDRESS_API);
    xhr.setRequestHeader('mallid', '1');
    xhr.responseType = 'json';
    xhr.send('{"parent_order_sn":"PO-211-5"}');
    xhr.fireLoad('{"result":{}}');
    await wait(20);
    expect(isolated.captures()).toEqual([]);
  });
});

describe('C: new APIs (order list zone, packages, ship action)', () => {
  it('fetch: order list and packages carry their request body as sent (its zone is read on the isolated side)', async () => {
    const { win, connect } = fakeWindow(async () => json({ success: true }));
    installCaptureHook(win);
    const isolated = connect();
    await win.fetch(`${ORDER_LIST}?is_back=1`, { method: 'POST', headers: { mallid: '1' }, body: fixture('order-list-request.json') });
    await win.fetch(PACKAGES_API, { method: 'POST', headers: { mallid: '1' }, body: JSON.stringify({ page_number: 1, timeZone: 'UTC-5' }) });
    await win.fetch(PACKAGES_API, { method: 'POST', headers: { mallid: '1' }, body: fixture('package-main-batch-query-request.json') });
    await until(() => isolated.captures().length >= 3);
    expect(isolated.captures().map((m) => [m.kind, zoneFromRequestBody(m.requestJson)])).toEqual([
      ['orderList', 480],
      ['packages', -300],
      ['packages', null],
    ]);
  });

  it('fetch and XHR: the ship action carries its request body (the orders shipped), capped at 100,000 chars', async () => {
    const { win, connect, xhr: newXhr } = fakeWindow(async () => json({ success: true }));
    installCaptureHook(win);
    const isolated = connect();
    const body = fixture('package-batch-send-request.json');
    await win.fetch(SHIP_API, { method: 'POST', headers: { mallid: '1' }, body });
    const xhr = newXhr();
    xhr.open('POST', '/mms/eagle/package/online/batch_send?x=1');
    xhr.setRequestHeader('mallid', '1');
    xhr.send(body);
    xhr.fireLoad('{"success":true}');
    const huge = JSON.stringify({ send_request_list: [], pad: 'x'.repeat(MAX_REQUEST_JSON_CHARS) });
    await win.fetch(SHIP_API, { method: 'POST', headers: { mallid: '1' }, body: huge });
    await until(() => isolated.captures().length >= 3);
    const [viaFetch, viaXhr, tooLong] = isolated.captures();
    expect(viaFetch).toMatchObject({ kind: 'shipAction', requestJson: body, orderSnHint: null });
    expect(JSON.parse(viaFetch!.requestJson as string).send_request_list[0].order_send_info_list[0].parent_order_sn).toBe('PO-211-09990000000000401');
    expect(viaXhr).toMatchObject({ kind: 'shipAction', requestJson: body });
    expect(tooLong).toMatchObject({ kind: 'shipAction', requestJson: null });
  });

  it('XHR: order list body (its zone) forwarded; nothing from http or other hosts', async () => {
    const { win, connect, xhr: newXhr } = fakeWindow(async () => json({}));
    installCaptureHook(win);
    const isolated = connect();
    for (const url of [
      'http://agentseller.temu.com/kirogi/bg/mms/recentOrderList',
      'https://evil.example/mms/eagle/package/main_batch_query',
      '/kirogi/bg/mms/recentOrderList?is_back=1',
    ]) {
      const xhr = newXhr();
      xhr.open('POST', url);
      xhr.setRequestHeader('mallid', '1');
      xhr.send('{"timeZone":"UTC+8"}');
      xhr.fireLoad(`{"from":"${url}"}`);
    }
    await fetchAndWait(win, 'https://evil.example/kirogi/bg/mms/recentOrderList');
    await until(() => isolated.captures().length >= 1);
    await wait(20);
    expect(isolated.captures().map((m) => [m.kind, zoneFromRequestBody(m.requestJson), m.json])).toEqual([
      ['orderList', 480, '{"from":"/kirogi/bg/mms/recentOrderList?is_back=1"}'],
    ]);
  });
});

async function fetchAndWait(win: HookWindow, url: string) {
  await win.fetch(url, { method: 'POST', headers: { mallid: '1' }, body: '{"timeZone":"UTC+8"}' });
  await wait(10);
}

describe('A: built-ins kept at document_start (page overrides after install change nothing)', () => {
  it('overriding Response.prototype.clone / .text / Promise.prototype.then does not forge the body; the page still gets its Response', async () => {
    const genuine: Response[] = [];
    const { win, connect } = fakeWindow(async () => {
      const r = json({ result: { receipt_name: 'Genuine' } });
      genuine.push(r);
      return r;
    });
    installCaptureHook(win);
    const isolated = connect();
    const forged = () => new Response('{"result":{"receipt_name":"Forged"}}');
    // The page script, after the hook loaded:
    pageOverride(Response.prototype, 'clone', { value: forged, writable: true });
    const realText = Response.prototype.text;
    pageOverride(Response.prototype, 'text', {
      value(this: Response) {
        return genuine.includes(this) ? Promise.resolve('{"result":{"receipt_name":"Forged"}}') : realText.call(this);
      },
      writable: true,
    });
    const realThen = Promise.prototype.then;
    pageOverride(Promise.prototype, 'then', {
      value(this: Promise<unknown>, ok?: (v: unknown) => unknown, err?: (e: unknown) => unknown) {
        // Hand every Response-consuming callback a forged Response instead.
        return realThen.call(this, ok && ((v: unknown) => ok(v instanceof Response ? forged() : v)), err);
      },
      writable: true,
    });

    const res = await win.fetch(ADDRESS_API, { method: 'POST', headers: { mallid: '1' }, body: '{"parent_order_sn":"PO-211-5"}' });
    expect(res).toBe(genuine[0]);
    await until(() => isolated.captures().length > 0);
    for (const fn of undo.splice(0).reverse()) fn();
    expect(isolated.captures()).toEqual([expect.objectContaining({ kind: 'address', json: JSON.stringify({ result: { receipt_name: 'Genuine' } }), orderSnHint: 'PO-211-5' })]);
    expect(await res.json()).toEqual({ result: { receipt_name: 'Genuine' } });
  });

  it('overriding MessagePort.prototype.postMessage never hands the page the port or the secret', async () => {
    const { win, connect } = fakeWindow(async () => json({ genuine: 1 }));
    installCaptureHook(win);
    const isolated = connect();
    await until(() => isolated.received.length > 0);
    let gotPort = false;
    let gotSecret = false;
    const realPost = MessagePort.prototype.postMessage;
    pageOverride(MessagePort.prototype, 'postMessage', {
      value(this: MessagePort, ...args: unknown[]) {
        // (The test runner's own ports pass through here too: only record what concerns the bridge.)
        if (this === isolated.port) gotPort = true;
        const data = args[0];
        if (typeof data === 'object' && data !== null && (data as { secret?: unknown }).secret === SECRET) gotSecret = true;
        return realPost.apply(this, args as [unknown]);
      },
      writable: true,
    });
    await win.fetch(ORDER_LIST, { method: 'POST', headers: { mallid: '1' } });
    await until(() => isolated.captures().length > 0);
    for (const fn of undo.splice(0).reverse()) fn();
    expect(isolated.captures()).toHaveLength(1);
    expect(gotPort).toBe(false);
    expect(gotSecret).toBe(false);
  });

  it('overriding addEventListener, WeakMap, XHR getters, RegExp/Array/String methods and URL getters does not redirect or forge XHR captures', async () => {
    const { win, connect, xhr: newXhr, FakeXhr } = fakeWindow(async () => json({}));
    installCaptureHook(win);
    const isolated = connect();
    const hookListeners: unknown[] = [];
    const realAdd = EventTarget.prototype.addEventListener;
    pageOverride(EventTarget.prototype, 'addEventListener', {
      value(this: EventTarget, ...args: Parameters<EventTarget['addEventListener']>) {
        hookListeners.push(args[1]);
        return realAdd.apply(this, args);
      },
      writable: true,
    });
    pageOverride(WeakMap.prototype, 'get', { value: () => ADDRESS_API, writable: true });
    pageOverride(FakeXhr.prototype, 'responseText', { get: () => '{"result":{"receipt_name":"Forged"}}' });
    pageOverride(FakeXhr.prototype, 'responseURL', { get: () => ADDRESS_API });
    pageOverride(RegExp.prototype, 'exec', { value: () => ['x'], writable: true });
    pageOverride(Array.prototype, 'includes', { value: () => true, writable: true });
    pageOverride(String.prototype, 'toLowerCase', { value: () => 'mallid', writable: true });
    pageOverride(URL.prototype, 'hostname', { get: () => 'agentseller.temu.com' });

    // A page-controlled endpoint, answering a forged address: nothing may go out.
    const evil = newXhr();
    evil.open('POST', 'https://evil.example/mms/orchid/address/snapshot/order_shipping_address_query');
    evil.setRequestHeader('x-other', '2');
    evil.send('{"parent_order_sn":"PO-211-7"}');
    evil.fireLoad('{"result":{"receipt_name":"Forged"}}');
    // The genuine address request: its genuine answer goes out.
    const real = newXhr();
    real.open('POST', ADDRESS_API);
    real.setRequestHeader('mallid', '634418212');
    real.send('{"parent_order_sn":"PO-211-5"}');
    real.fireLoad('{"result":{"receipt_name":"Genuine"}}');
    await wait(30);
    for (const fn of undo.splice(0).reverse()) fn();
    await until(() => isolated.captures().length > 0);
    expect(isolated.captures().map((m) => [m.kind, m.json, m.mallId, m.orderSnHint])).toEqual([['address', '{"result":{"receipt_name":"Genuine"}}', '634418212', 'PO-211-5']]);
    expect(hookListeners).toEqual([]); // the hook's load listeners never went through the page's addEventListener
  });

  it('overriding JSON.stringify / JSON.parse does not forge rawData or its order check', async () => {
    const { win, connect, emit } = fakeWindow(async () => new Response('{}'), '/mmsos/order-detail.html', '?parent_order_sn=PO-211-9');
    installCaptureHook(win);
    const isolated = connect();
    win.rawData = { store: { parentOrderMap: { parentOrderSn: 'PO-211-9' }, receiptName: 'Genuine' } };
    pageOverride(JSON, 'stringify', { value: () => '{"store":{"parentOrderMap":{"parentOrderSn":"PO-211-9"},"receiptName":"Forged"}}', writable: true });
    pageOverride(JSON, 'parse', { value: () => ({ store: { parentOrderMap: { parentOrderSn: 'PO-211-9' } } }), writable: true });
    emit('load');
    for (const fn of undo.splice(0).reverse()) fn();
    await until(() => isolated.captures().length > 0);
    expect(isolated.captures()).toEqual([expect.objectContaining({ kind: 'orderDetail', json: JSON.stringify(win.rawData), orderSnHint: 'PO-211-9' })]);
  });
});

describe('B: every bridge message stays private', () => {
  it('stops every port message (first and second offer) before page listeners; leaves hook-ready to them', async () => {
    const { win, emit, connect } = fakeWindow(async () => new Response('{}'));
    installCaptureHook(win);
    const pageSaw: unknown[] = [];
    win.addEventListener('message', (e) => pageSaw.push((e as TestMessageEvent).data), true);
    win.addEventListener('message', (e) => pageSaw.push((e as TestMessageEvent).data));
    const first = connect();
    const second = connect(); // the isolated side's answer to hook-ready (same secret)
    emit('message', { source: win, data: { source: BRIDGE_SOURCE, type: 'hook-ready' } });
    await until(() => first.received.length > 0);
    expect(pageSaw).toEqual([
      { source: BRIDGE_SOURCE, type: 'hook-ready' },
      { source: BRIDGE_SOURCE, type: 'hook-ready' },
    ]);
    expect(JSON.stringify(pageSaw)).not.toContain('"secret"');
    expect(second.received).toEqual([]);
  });

  it("page overrides of MessageEvent's data/ports/source getters never see a bridge event", () => {
    const { win, connect } = fakeWindow(async () => new Response('{}'));
    installCaptureHook(win);
    const seen: unknown[] = [];
    for (const key of ['data', 'ports', 'source'] as const) {
      const real = Object.getOwnPropertyDescriptor(TestMessageEvent.prototype, key)!.get!;
      pageOverride(TestMessageEvent.prototype, key, {
        get(this: TestMessageEvent) {
          seen.push(this);
          return real.call(this);
        },
      });
    }
    connect();
    connect();
    expect(seen).toEqual([]);
  });
});

describe('D: rawData only for the order the URL names', () => {
  const rawFor = (sn: string) => ({ store: { parentOrderMap: { parentOrderSn: sn } } });
  async function detail(search: string, set: (win: HookWindow & { rawData?: unknown }) => void) {
    const { win, connect, emit } = fakeWindow(async () => new Response('{}'), '/mmsos/order-detail.html', search);
    installCaptureHook(win);
    const isolated = connect();
    set(win);
    emit('load');
    await wait(20);
    return isolated.captures();
  }

  it('forwards rawData of the URL order only', async () => {
    expect(await detail('?parent_order_sn=PO-211-9', (w) => (w.rawData = rawFor('PO-211-9')))).toEqual([
      expect.objectContaining({ kind: 'orderDetail', orderSnHint: 'PO-211-9', json: JSON.stringify(rawFor('PO-211-9')) }),
    ]);
    const real = JSON.parse(fixture('detail-rawdata.json'));
    const sn = real.store.parentOrderMap.parentOrderSn as string;
    expect(await detail(`?parent_order_sn=${sn}`, (w) => (w.rawData = real))).toHaveLength(1);
  });

  it('drops rawData naming another order, no URL order, a throwing getter, or a cyclic object', async () => {
    expect(await detail('?parent_order_sn=PO-211-9', (w) => (w.rawData = rawFor('PO-211-8')))).toEqual([]);
    expect(await detail('', (w) => (w.rawData = rawFor('PO-211-9')))).toEqual([]);
    expect(await detail('?parent_order_sn=PO-211-9', (w) => (w.rawData = { store: {} }))).toEqual([]);
    expect(
      await detail('?parent_order_sn=PO-211-9', (w) =>
        Object.defineProperty(w, 'rawData', {
          get() {
            throw new Error('hostile');
          },
        }),
      ),
    ).toEqual([]);
    const cyclic: Record<string, unknown> = rawFor('PO-211-9');
    cyclic.self = cyclic;
    expect(await detail('?parent_order_sn=PO-211-9', (w) => (w.rawData = cyclic))).toEqual([]);
    // A getter that names the URL order on the first read and another order later is read once.
    let reads = 0;
    const flip = await detail('?parent_order_sn=PO-211-9', (w) =>
      Object.defineProperty(w, 'rawData', {
        get: () => (reads++ === 0 ? rawFor('PO-211-9') : rawFor('PO-211-8')),
      }),
    );
    expect(flip.map((m) => JSON.parse(m.json as string).store.parentOrderMap.parentOrderSn)).toEqual(['PO-211-9']);
  });
});

describe('E: session requests for bulk fetch (issue 12)', () => {
  const command = { secret: SECRET, type: 'session-request', id: 3, step: 'address', orderSn: 'PO-211-77', mallId: '634418212', reasonType: 1 };

  it('accepts only well-formed commands with this load’s secret, own data properties only', () => {
    expect(readSessionRequest(command, SECRET, b)).toEqual(command);
    expect(readSessionRequest(command, 'other', b)).toBeNull();
    expect(readSessionRequest({ ...command, secret: '' }, '', b)).toBeNull();
    expect(readSessionRequest({ ...command, step: 'list' }, SECRET, b)).toBeNull();
    expect(readSessionRequest({ ...command, orderSn: '<img>' }, SECRET, b)).toBeNull();
    expect(readSessionRequest({ ...command, mallId: 'a b' }, SECRET, b)).toBeNull();
    expect(readSessionRequest({ ...command, reasonType: 1.5 }, SECRET, b)).toBeNull();
    expect(readSessionRequest({ ...command, reasonType: 100 }, SECRET, b)).toBeNull();
    const viaGetter = { ...command };
    Object.defineProperty(viaGetter, 'orderSn', { get: () => 'PO-211-77', enumerable: true });
    expect(readSessionRequest(viaGetter, SECRET, b)).toBeNull();
  });

  it('builds the same-origin POST the page makes, untouched by polluted prototypes, and relays status and text', async () => {
    const seen: Request[] = [];
    const { win } = fakeWindow(async (input) => {
      seen.push(input as Request);
      return new Response('{"success":true,"result":{}}', { status: 200 });
    });
    const pb = savePageBuiltins(win);
    // A page script plants request options on Object.prototype after install.
    pageOverride(Object.prototype, 'mode', { value: 'no-cors', writable: true });
    pageOverride(Object.prototype, 'credentials', { value: 'omit', writable: true });
    pageOverride(Object.prototype, 'toJSON', { value: () => ({ forged: true }), writable: true });
    const replies: [number, string | null][] = [];
    makeSessionRequest(win, pb, { ...command, step: 'note' } as SessionRequestCommand, (status, text) => void replies.push([status, text]));
    await until(() => replies.length > 0);
    expect(replies).toEqual([[200, '{"success":true,"result":{}}']]);
    const req = seen[0]!;
    expect(req.url).toBe('https://agentseller.temu.com/kirogi/bg/mms/sellerNotes');
    expect(req.method).toBe('POST');
    expect(req.headers.get('mallid')).toBe('634418212');
    expect(await req.clone().text()).toBe('{"noteReasonType":1,"parentOrderSn":"PO-211-77","noteSourceType":2}');
    expect(req.credentials).toBe('same-origin');
  });

  it('no answer: status 0', async () => {
    const { win } = fakeWindow(async () => {
      throw new TypeError('offline');
    });
    const replies: [number, string | null][] = [];
    makeSessionRequest(win, savePageBuiltins(win), command as SessionRequestCommand, (status, text) => void replies.push([status, text]));
    await until(() => replies.length > 0);
    expect(replies).toEqual([[0, null]]);
  });
});
