import { BRIDGE_SOURCE, cleanMallId, isBridgePortMessage, matchCaptureApi, orderSnFromPageUrl, orderSnFromRequestBody, type HookKind, type HookMessage } from './page-bridge';

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
  /** Latest shop seen on the page: for the popup/banner, and for rawData (a page fact, not a response). */
  let pageMallId: string | null = null;

  const send = (msg: Outgoing) => {
    if (port) port.postMessage({ ...msg, secret } as HookMessage);
    else if (buffer.length < MAX_BUFFERED) buffer.push(msg);
  };
  /** Cleans a request's mallid header, tells the isolated side about a new shop, returns the id. */
  const noteMallId = (value: unknown): string | null => {
    const id = cleanMallId(value);
    if (id && id !== pageMallId) {
      pageMallId = id;
      send({ type: 'shop', mallId: id });
    }
    return id;
  };

  // Capture phase, registered before any page script: first to see the port message.
  win.addEventListener(
    'message',
    (event: MessageEvent) => {
      // Only the first port is accepted: a page script cannot swap in its own listener later.
      if (port || event.source !== win || !isBridgePortMessage(event.data) || !event.ports[0]) return;
      // Page listeners (registered later) never see the port or the secret.
      event.stopImmediatePropagation?.();
      port = event.ports[0];
      secret = event.data.secret;
      // The acknowledgement: from now on the isolated side reads this port only and ignores hook-ready.
      port.postMessage({ type: 'connected', secret } as HookMessage);
      for (const msg of buffer.splice(0)) send(msg);
    },
    true,
  );
  // Covers the other load order: if the port was posted before this listener existed, ask again.
  win.postMessage({ source: BRIDGE_SOURCE, type: 'hook-ready' }, win.location.origin);

  const forward: Forward = (kind, json, orderSnHint, mallId) => send({ type: 'capture', kind, mallId, json, orderSnHint, zone: null, requestJson: null });
  const pageUrl = () => win.location.href;

  hookFetch(win, pageUrl, noteMallId, forward);
  hookXhr(win, pageUrl, noteMallId, forward);

  // Order-detail pages embed the order (and address) as window.rawData; read it once loaded.
  if (/\/order-detail\.html$/.test(win.location.pathname)) {
    win.addEventListener('load', () => {
      try {
        if (win.rawData && typeof win.rawData === 'object') forward('orderDetail', JSON.stringify(win.rawData), orderSnFromPageUrl(win.location.href), pageMallId);
      } catch {
        /* cyclic or hostile rawData: nothing to capture */
      }
    });
  }
}

/** A response goes out with the shop of the request that produced it (its own `mallid` header). */
type Forward = (kind: HookKind, json: string, orderSnHint: string | null, mallId: string | null) => void;
type NoteMallId = (value: unknown) => string | null;

function headerValue(headers: HeadersInit | undefined, name: string): string | null {
  if (!headers) return null;
  if (headers instanceof Headers) return headers.get(name);
  if (Array.isArray(headers)) return headers.find(([k]) => k.toLowerCase() === name)?.[1] ?? null;
  for (const [k, v] of Object.entries(headers)) if (k.toLowerCase() === name) return v;
  return null;
}

function hookFetch(win: HookWindow, pageUrl: () => string, noteMallId: NoteMallId, forward: Forward) {
  const originalFetch = win.fetch;
  win.fetch = function (this: unknown, ...args: Parameters<typeof fetch>) {
    const pending = originalFetch.apply(this, args);
    try {
      const [input, init] = args;
      const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
      // init.headers replaces a Request's headers when given (fetch semantics).
      const mallId = noteMallId(init?.headers ? headerValue(init.headers, 'mallid') : input instanceof Request ? input.headers.get('mallid') : null);
      const kind = matchCaptureApi(url, pageUrl());
      if (kind) {
        const hint = kind === 'address' ? orderSnFromRequestBody(init?.body) : null;
        pending
          .then((res) => res.clone().text())
          .then(
            (text) => forward(kind, text, hint, mallId),
            () => undefined,
          );
      }
    } catch {
      /* never break the page's request */
    }
    return pending;
  };
}

function hookXhr(win: HookWindow, pageUrl: () => string, noteMallId: NoteMallId, forward: Forward) {
  const proto = win.XMLHttpRequest.prototype;
  const urls = new WeakMap<XMLHttpRequest, string>();
  const mallIds = new WeakMap<XMLHttpRequest, string>();
  /** The send whose answer a load may forward; open() or a later send() makes older listeners stale. */
  const activeSend = new WeakMap<XMLHttpRequest, object>();
  const { open, send, setRequestHeader } = proto;
  proto.open = function (this: XMLHttpRequest, ...args: unknown[]) {
    try {
      // open() starts a new request: its URL, no headers yet (XHR spec), no pending capture.
      urls.set(this, String(args[1]));
      mallIds.delete(this);
      activeSend.delete(this);
    } catch {
      /* ignore */
    }
    return (open as (...a: unknown[]) => void).apply(this, args);
  } as typeof proto.open;
  proto.setRequestHeader = function (this: XMLHttpRequest, name: string, value: string) {
    try {
      if (String(name).toLowerCase() === 'mallid') {
        const id = noteMallId(value);
        if (id) mallIds.set(this, id);
      }
    } catch {
      /* ignore */
    }
    return setRequestHeader.call(this, name, value);
  };
  proto.send = function (this: XMLHttpRequest, body?: Document | XMLHttpRequestBodyInit | null) {
    try {
      const url = urls.get(this) ?? '';
      const kind = matchCaptureApi(url, pageUrl());
      if (kind) {
        const hint = kind === 'address' ? orderSnFromRequestBody(body) : null;
        const mallId = mallIds.get(this) ?? null;
        const token = {};
        activeSend.set(this, token);
        this.addEventListener(
          'load',
          () => {
            try {
              // A listener of an earlier send on a reused XHR, or a response from elsewhere: not ours.
              if (activeSend.get(this) !== token || urls.get(this) !== url) return;
              if (matchCaptureApi(this.responseURL || url, pageUrl()) !== kind) return;
              activeSend.delete(this);
              const text = this.responseType === '' || this.responseType === 'text' ? this.responseText : this.responseType === 'json' ? JSON.stringify(this.response) : null;
              if (text !== null) forward(kind, text, hint, mallId);
            } catch {
              /* ignore */
            }
          },
          { once: true },
        );
      } else {
        activeSend.delete(this);
      }
    } catch {
      /* never break the page's request */
    }
    return (send as (b?: unknown) => void).call(this, body);
  };
}
