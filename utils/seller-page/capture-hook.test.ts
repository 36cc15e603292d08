import { describe, expect, it, vi } from 'vitest';
import { installCaptureHook } from './capture-hook';
import { BRIDGE_SOURCE, matchCaptureApi } from './page-bridge';

type Listener = (e: unknown) => void;

/** A page window reduced to what the hook touches, so the test sees every call it makes. */
function fakeWindow(fetchImpl: (input: RequestInfo | URL, init?: RequestInit) => Promise<Response>, pathname = '/mmsos/orders.html') {
  const listeners: Record<string, Listener[]> = {};
  class FakeXhr {
    url = '';
    headers: Record<string, string> = {};
    responseType = '';
    responseText = '';
    response: unknown = null;
    loadListeners: (() => void)[] = [];
    sent: unknown[] = [];
    addEventListener(_t: string, fn: () => void, opts?: { once?: boolean }) {
      const wrapped = opts?.once
        ? () => {
            this.loadListeners = this.loadListeners.filter((l) => l !== wrapped);
            fn();
          }
        : fn;
      this.loadListeners.push(wrapped);
    }
    /** The browser firing `load` (listeners added with once: true are removed). */
    fireLoad(responseText: string) {
      this.responseText = responseText;
      [...this.loadListeners].forEach((fn) => fn());
    }
  }
  Object.assign(FakeXhr.prototype, {
    open(this: FakeXhr, _m: string, url: string) {
      this.url = url;
    },
    setRequestHeader(this: FakeXhr, k: string, v: string) {
      this.headers[k] = v;
    },
    send(this: FakeXhr, body: unknown) {
      this.sent.push(body);
    },
  });
  const win = {
    location: { origin: 'https://agentseller.temu.com', pathname, href: `https://agentseller.temu.com${pathname}?parent_order_sn=PO-211-9` },
    addEventListener: (t: string, fn: Listener) => (listeners[t] ??= []).push(fn),
    postMessage: vi.fn(),
    fetch: fetchImpl,
    XMLHttpRequest: FakeXhr,
    rawData: undefined as unknown,
  };
  const emit = (t: string, e: unknown) => listeners[t]?.forEach((fn) => fn(e));
  return { win, emit, FakeXhr };
}

const port = () => ({ postMessage: vi.fn() });
const flush = () => new Promise((r) => setTimeout(r, 0));
const ORDER_LIST = 'https://agentseller.temu.com/kirogi/bg/mms/recentOrderList';
const PAGE = 'https://agentseller.temu.com/mmsos/orders.html';
const ADDRESS_API = '/mms/orchid/address/snapshot/order_shipping_address_query';

describe('MAIN-world capture hook', () => {
  it('tests URLs once: only the two known APIs', () => {
    expect(matchCaptureApi(ORDER_LIST, PAGE)).toBe('orderList');
    expect(matchCaptureApi('/mms/orchid/address/snapshot/order_shipping_address_query?x=1', PAGE)).toBe('address');
    expect(matchCaptureApi('/kirogi/bg/mms/recentOrderListExport', PAGE)).toBeNull();
    expect(matchCaptureApi('/api/other', PAGE)).toBeNull();
  });

  it('gives the page its own Response untouched; clones only matching ones and posts them with the secret', async () => {
    const responses: Response[] = [];
    const { win, emit } = fakeWindow(async (input) => {
      const r = new Response(JSON.stringify({ url: String(input) }));
      responses.push(r);
      return r;
    });
    installCaptureHook(win as never);
    expect(win.postMessage).toHaveBeenCalledWith({ source: BRIDGE_SOURCE, type: 'hook-ready' }, 'https://agentseller.temu.com');

    const other = await win.fetch('https://agentseller.temu.com/api/other', { headers: { mallid: '123' } });
    expect(other).toBe(responses[0]);
    expect(other.bodyUsed).toBe(false);

    const listRes = await win.fetch(ORDER_LIST, { method: 'POST', headers: { MallId: '634418212' } });
    expect(listRes).toBe(responses[1]);
    expect(await listRes.json()).toEqual({ url: ORDER_LIST }); // the page can still read its body
    await flush();

    // Buffered until the isolated script's port arrives; a port from elsewhere is ignored.
    const p = port();
    emit('message', { source: {}, data: { source: BRIDGE_SOURCE, type: 'port', secret: 's' }, ports: [port()] });
    emit('message', { source: win, data: { source: BRIDGE_SOURCE, type: 'port', secret: 's' }, ports: [p] });
    const late = port();
    emit('message', { source: win, data: { source: BRIDGE_SOURCE, type: 'port', secret: 'other' }, ports: [late] });
    const sent = p.postMessage.mock.calls.map(([m]) => m);
    expect(sent).toEqual([
      { type: 'connected', secret: 's' },
      { type: 'shop', mallId: '123', secret: 's' },
      { type: 'shop', mallId: '634418212', secret: 's' },
      { type: 'capture', kind: 'orderList', mallId: '634418212', json: JSON.stringify({ url: ORDER_LIST }), orderSnHint: null, zone: null, requestJson: null, secret: 's' },
    ]);
    expect(late.postMessage).not.toHaveBeenCalled();
  });

  it('never breaks the page: a failing request still rejects to the page only', async () => {
    const { win } = fakeWindow(async () => {
      throw new TypeError('Failed to fetch');
    });
    installCaptureHook(win as never);
    await expect(win.fetch(ORDER_LIST)).rejects.toThrow('Failed to fetch');
  });

  it('reads XHR answers of the address API with the order number from the request body', () => {
    const { win, emit, FakeXhr } = fakeWindow(async () => new Response('{}'));
    installCaptureHook(win as never);
    const p = port();
    emit('message', { source: win, data: { source: BRIDGE_SOURCE, type: 'port', secret: 's' }, ports: [p] });
    const xhr = new FakeXhr() as unknown as XMLHttpRequest & InstanceType<typeof FakeXhr>;
    xhr.open('POST', '/mms/orchid/address/snapshot/order_shipping_address_query');
    xhr.setRequestHeader('mallid', '634418212');
    xhr.send(JSON.stringify({ parent_order_sn: 'PO-211-5' }));
    expect(xhr.sent).toHaveLength(1); // the real send ran
    xhr.fireLoad('{"result":{}}');
    expect(p.postMessage.mock.calls.at(-1)![0]).toEqual({
      type: 'capture',
      kind: 'address',
      mallId: '634418212',
      json: '{"result":{}}',
      orderSnHint: 'PO-211-5',
      zone: null,
      requestJson: null,
      secret: 's',
    });
  });

  it('posts window.rawData on order-detail pages after load', () => {
    const { win, emit } = fakeWindow(async () => new Response('{}'), '/mmsos/order-detail.html');
    installCaptureHook(win as never);
    const p = port();
    emit('message', { source: win, data: { source: BRIDGE_SOURCE, type: 'port', secret: 's' }, ports: [p] });
    win.rawData = { store: { parentOrderMap: { parentOrderSn: 'PO-211-9' } } };
    emit('load', {});
    expect(p.postMessage).toHaveBeenCalledWith(expect.objectContaining({ kind: 'orderDetail', orderSnHint: 'PO-211-9', json: JSON.stringify(win.rawData) }));
  });

  it('stamps each response with the mallid of its own request, not the latest request on the page', async () => {
    const gates: Record<string, (r: Response) => void> = {};
    const { win, emit, FakeXhr } = fakeWindow(
      (input) =>
        new Promise<Response>((resolve) => {
          gates[String(input instanceof Request ? input.url : input)] = resolve;
        }),
    );
    installCaptureHook(win as never);
    const p = port();
    emit('message', { source: win, data: { source: BRIDGE_SOURCE, type: 'port', secret: 's' }, ports: [p] });

    // Shop A's list is in flight when the seller switches to shop B, whose request answers first.
    const slow = win.fetch(ORDER_LIST, { method: 'POST', headers: { mallid: '111' } });
    const fast = win.fetch(new Request(`${ORDER_LIST}?b`, { method: 'POST', headers: { mallid: '222' } }));
    gates[`${ORDER_LIST}?b`]!(new Response('{"shop":"B"}'));
    await fast;
    gates[ORDER_LIST]!(new Response('{"shop":"A"}'));
    await slow;
    await flush();
    // XHR: shop A's request sent, then shop B's; A answers last.
    const xa = new FakeXhr() as unknown as XMLHttpRequest & InstanceType<typeof FakeXhr>;
    const xb = new FakeXhr() as unknown as XMLHttpRequest & InstanceType<typeof FakeXhr>;
    xa.open('POST', ADDRESS_API);
    xa.setRequestHeader('mallid', '111');
    xa.send('{"parent_order_sn":"PO-211-1"}');
    xb.open('POST', ADDRESS_API);
    xb.setRequestHeader('mallid', '222');
    xb.send('{"parent_order_sn":"PO-211-2"}');
    xb.fireLoad('{"x":"B"}');
    xa.fireLoad('{"x":"A"}');

    const captures = p.postMessage.mock.calls.map(([m]) => m).filter((m) => m.type === 'capture');
    expect(captures.map((m) => `${m.json}@${m.mallId}`)).toEqual(['{"shop":"B"}@222', '{"shop":"A"}@111', '{"x":"B"}@222', '{"x":"A"}@111']);
  });

  it('a reused XHR forwards each answer once, with the kind and hint of its own request', () => {
    const { win, emit, FakeXhr } = fakeWindow(async () => new Response('{}'));
    installCaptureHook(win as never);
    const p = port();
    emit('message', { source: win, data: { source: BRIDGE_SOURCE, type: 'port', secret: 's' }, ports: [p] });
    const xhr = new FakeXhr() as unknown as XMLHttpRequest & InstanceType<typeof FakeXhr>;
    xhr.open('POST', ADDRESS_API);
    xhr.setRequestHeader('mallid', '634418212');
    xhr.send('{"parent_order_sn":"PO-211-5"}');
    xhr.fireLoad('{"first":1}');
    // Same object, now another API: its answer must not go out as an address of PO-211-5.
    xhr.open('POST', '/api/other');
    xhr.send('{}');
    xhr.fireLoad('{"other":1}');
    // Aborted address request (no load), then a list request on the same object.
    xhr.open('POST', ADDRESS_API);
    xhr.send('{"parent_order_sn":"PO-211-6"}');
    xhr.open('POST', ORDER_LIST);
    xhr.setRequestHeader('mallid', '634418212');
    xhr.send('{}');
    xhr.fireLoad('{"list":1}');
    const captures = p.postMessage.mock.calls.map(([m]) => m).filter((m) => m.type === 'capture');
    expect(captures.map((m) => [m.kind, m.json, m.orderSnHint])).toEqual([
      ['address', '{"first":1}', 'PO-211-5'],
      ['orderList', '{"list":1}', null],
    ]);
    expect(xhr.loadListeners).toHaveLength(0);
  });

  it('reads the known paths on seller-center hosts only', () => {
    expect(matchCaptureApi('https://seller.kuajingmaihuo.com/kirogi/bg/mms/recentOrderList', PAGE)).toBe('orderList');
    expect(matchCaptureApi('https://evil.example/kirogi/bg/mms/recentOrderList', PAGE)).toBeNull();
    expect(matchCaptureApi('//evil.example/mms/orchid/address/snapshot/order_shipping_address_query', PAGE)).toBeNull();
    expect(matchCaptureApi('http://agentseller.temu.com/kirogi/bg/mms/recentOrderList', PAGE)).toBeNull();
    expect(matchCaptureApi('https://evil.example/x?u=/kirogi/bg/mms/recentOrderList', PAGE)).toBeNull();
  });

  it('acknowledges on the port it took and hides the port message from later page listeners', () => {
    const { win, emit } = fakeWindow(async () => new Response('{}'));
    installCaptureHook(win as never);
    const p = port();
    const stop = vi.fn();
    emit('message', { source: win, data: { source: BRIDGE_SOURCE, type: 'port', secret: 's' }, ports: [p], stopImmediatePropagation: stop });
    expect(p.postMessage).toHaveBeenCalledWith({ type: 'connected', secret: 's' });
    expect(stop).toHaveBeenCalledOnce();
  });
});
