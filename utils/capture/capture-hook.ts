import {
  BRIDGE_SOURCE,
  cleanMallId,
  isBridgePortMessage,
  matchCaptureApi,
  orderSnFromPageUrl,
  orderSnFromRequestBody,
  type HookKind,
  type HookMessage,
} from './page-bridge';

type Outgoing = HookMessage extends infer M ? (M extends { secret: string } ? Omit<M, 'secret'> : never) : never;

/** Captures waiting for the port (the hook may see the first request before the bridge is up). */
const MAX_BUFFERED = 20;

type HookWindow = Window & typeof globalThis & { rawData?: unknown };

/**
 * MAIN-world hook (runs in the page's JS world at document_start). Wraps fetch and XHR so that
 * responses of the two known APIs are cloned and handed to the isolated content script; the page
 * always gets its original Response, never delayed, and any failure here falls through silently.
 * Holds no extension API and decides nothing: the isolated script applies consent.
 */
export function installCaptureHook(win: HookWindow): void {
  let port: MessagePort | null = null;
  let secret = '';
  const buffer: Outgoing[] = [];
  let mallId: string | null = null;

  const send = (msg: Outgoing) => {
    if (port) port.postMessage({ ...msg, secret } as HookMessage);
    else if (buffer.length < MAX_BUFFERED) buffer.push(msg);
  };
  const noteMallId = (value: unknown) => {
    const id = cleanMallId(value);
    if (id && id !== mallId) {
      mallId = id;
      send({ type: 'shop', mallId: id });
    }
  };

  win.addEventListener('message', (event: MessageEvent) => {
    // Only the first port is accepted: a page script cannot swap in its own listener later.
    if (port || event.source !== win || !isBridgePortMessage(event.data) || !event.ports[0]) return;
    port = event.ports[0];
    secret = event.data.secret;
    for (const msg of buffer.splice(0)) send(msg);
  });
  // Covers the other load order: if the port was posted before this listener existed, ask again.
  win.postMessage({ source: BRIDGE_SOURCE, type: 'hook-ready' }, win.location.origin);

  const forward = (kind: HookKind, json: string, orderSnHint: string | null) => send({ type: 'capture', kind, mallId, json, orderSnHint });

  hookFetch(win, noteMallId, forward);
  hookXhr(win, noteMallId, forward);

  // Order-detail pages embed the order (and address) as window.rawData; read it once loaded.
  if (/\/order-detail\.html$/.test(win.location.pathname)) {
    win.addEventListener('load', () => {
      try {
        if (win.rawData && typeof win.rawData === 'object') forward('orderDetail', JSON.stringify(win.rawData), orderSnFromPageUrl(win.location.href));
      } catch {
        /* cyclic or hostile rawData: nothing to capture */
      }
    });
  }
}

function headerValue(headers: HeadersInit | undefined, name: string): string | null {
  if (!headers) return null;
  if (headers instanceof Headers) return headers.get(name);
  if (Array.isArray(headers)) return headers.find(([k]) => k.toLowerCase() === name)?.[1] ?? null;
  for (const [k, v] of Object.entries(headers)) if (k.toLowerCase() === name) return v;
  return null;
}

function hookFetch(win: HookWindow, noteMallId: (v: unknown) => void, forward: (k: HookKind, json: string, hint: string | null) => void) {
  const originalFetch = win.fetch;
  win.fetch = function (this: unknown, ...args: Parameters<typeof fetch>) {
    const pending = originalFetch.apply(this, args);
    try {
      const [input, init] = args;
      const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
      noteMallId(headerValue(init?.headers, 'mallid') ?? (input instanceof Request ? input.headers.get('mallid') : null));
      const kind = matchCaptureApi(url);
      if (kind) {
        const hint = kind === 'address' ? orderSnFromRequestBody(init?.body) : null;
        pending.then((res) => res.clone().text()).then((text) => forward(kind, text, hint), () => undefined);
      }
    } catch {
      /* never break the page's request */
    }
    return pending;
  };
}

function hookXhr(win: HookWindow, noteMallId: (v: unknown) => void, forward: (k: HookKind, json: string, hint: string | null) => void) {
  const proto = win.XMLHttpRequest.prototype;
  const urls = new WeakMap<XMLHttpRequest, string>();
  const { open, send, setRequestHeader } = proto;
  proto.open = function (this: XMLHttpRequest, ...args: unknown[]) {
    try {
      urls.set(this, String(args[1]));
    } catch {
      /* ignore */
    }
    return (open as (...a: unknown[]) => void).apply(this, args);
  } as typeof proto.open;
  proto.setRequestHeader = function (this: XMLHttpRequest, name: string, value: string) {
    try {
      if (String(name).toLowerCase() === 'mallid') noteMallId(value);
    } catch {
      /* ignore */
    }
    return setRequestHeader.call(this, name, value);
  };
  proto.send = function (this: XMLHttpRequest, body?: Document | XMLHttpRequestBodyInit | null) {
    try {
      const kind = matchCaptureApi(urls.get(this) ?? '');
      if (kind) {
        const hint = kind === 'address' ? orderSnFromRequestBody(body) : null;
        this.addEventListener('load', () => {
          try {
            const text = this.responseType === '' || this.responseType === 'text' ? this.responseText : this.responseType === 'json' ? JSON.stringify(this.response) : null;
            if (text !== null) forward(kind, text, hint);
          } catch {
            /* ignore */
          }
        });
      }
    } catch {
      /* never break the page's request */
    }
    return (send as (b?: unknown) => void).call(this, body);
  };
}
