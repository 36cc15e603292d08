import { type PageBuiltins, type PageGlobal, savePageBuiltins } from './page-builtins';
import {
  BRIDGE_SOURCE,
  cleanMallId,
  type HookApiKind,
  type HookMessage,
  isBridgePortMessage,
  matchCaptureApi,
  orderSnFromPageUrl,
  orderSnFromRequestBody,
  rawDataOrderSn,
  readSessionRequest,
} from './page-bridge';
import { makeSessionRequest } from './session-requests';

type Outgoing = HookMessage extends infer M ? (M extends { secret: string } ? Omit<M, 'secret'> : never) : never;

/** Captures waiting for the port (the hook may see the first request before the bridge is up). */
const MAX_BUFFERED = 20;
/** The ship action's request body goes along (it names the orders shipped); longer bodies are not sent. */
export const MAX_REQUEST_JSON_CHARS = 100_000;

export type HookWindow = PageGlobal & { location: Location; rawData?: unknown };

/**
 * MAIN-world hook (runs in the page's JS world at document_start). Wraps fetch and XHR so that
 * responses of the known APIs are copied and handed to the isolated content script; the page
 * always gets its original Response, never delayed, and any failure here falls through silently.
 * Holds no extension API and decides nothing: the isolated script applies consent.
 *
 * Hostile scripts share this world. Everything below calls only the built-ins saved at install
 * (page-builtins.ts), so a later override of Response.prototype.clone, MessagePort.prototype
 * .postMessage, JSON.stringify, Promise.prototype.then… neither feeds us a forged body nor
 * receives the port or the secret.
 */
export function installCaptureHook(win: HookWindow): void {
  // First, before anything else: later a page script may have replaced any of them.
  const b = savePageBuiltins(win);
  let port: MessagePort | null = null;
  let secret = '';
  const buffer = b.queue<Outgoing>();
  /** Latest shop seen on the page: for the popup/banner, and for rawData (a page fact, not a response). */
  let pageMallId: string | null = null;

  const send = (msg: Outgoing) => {
    if (port) b.portPostMessage(port, { ...msg, secret });
    else if (buffer.size < MAX_BUFFERED) buffer.push(msg);
  };
  /** Cleans a request's mallid header, tells the isolated side about a new shop, returns the id. */
  const noteMallId = (value: unknown): string | null => {
    const id = cleanMallId(value, b);
    if (id && id !== pageMallId) {
      pageMallId = id;
      send({ type: 'shop', mallId: id });
    }
    return id;
  };

  /** A command from the isolated side (the port is ours alone; the secret is checked anyway). */
  const onPortMessage = (event: Event) => {
    let command: ReturnType<typeof readSessionRequest>;
    try {
      command = readSessionRequest(b.eventData(event), secret, b);
    } catch {
      return;
    }
    if (!command) return;
    const id = command.id;
    makeSessionRequest(win, b, command, (status, text) => send({ type: 'session-answer', id, status, text }));
  };

  // Capture phase, registered before any page script: first to see every bridge message.
  b.addEventListener(
    win,
    'message',
    (event: Event) => {
      let data: unknown;
      try {
        if (b.eventSource(event) !== win) return;
        data = b.eventData(event);
      } catch {
        return; // not a MessageEvent
      }
      if (!isBridgePortMessage(data)) return;
      // Every port message (the first, a second offer answering hook-ready, a page's copy) carries
      // a secret: no page listener ever sees one. hook-ready is left alone (the isolated side reads it).
      b.stopImmediatePropagation(event);
      // Only the first port is accepted: a page script cannot swap in its own channel later.
      if (port) return;
      const ports = b.eventPorts(event);
      const first = ports.length > 0 ? ports[0] : undefined;
      if (!first) return;
      port = first;
      secret = data.secret;
      // Bulk fetch (issue 12): the isolated side asks for session requests on this port only.
      b.addEventListener(port, 'message', onPortMessage, false);
      b.portStart(port);
      // The acknowledgement: from now on the isolated side reads this port only and ignores hook-ready.
      b.portPostMessage(port, { type: 'connected', secret });
      for (let msg = buffer.shift(); msg; msg = buffer.shift()) send(msg);
    },
    true,
  );
  // Covers the other load order: if the port was posted before this listener existed, ask again.
  b.windowPostMessage({ source: BRIDGE_SOURCE, type: 'hook-ready' }, win.location.origin);

  const forward: Forward = (kind, json, requestBody, mallId) =>
    send({
      type: 'capture',
      kind,
      mallId,
      json,
      orderSnHint: kind === 'address' ? orderSnFromRequestBody(requestBody, b) : null,
      // The request body as sent (the hook built the Request itself): the isolated side reads its
      // `timeZone` with its own, untouched built-ins; the ship action's names the orders shipped.
      requestJson: kind !== 'address' && typeof requestBody === 'string' && requestBody.length > 0 && requestBody.length <= MAX_REQUEST_JSON_CHARS ? requestBody : null,
    });
  const pageUrl = () => win.location.href;

  // Tells the isolated side at once, when the request leaves, that the page loads its order list
  // through the API: the visible-list fallback then stays off even if the answer is slow to read.
  let listRequestNoted = false;
  const noteRequest: NoteRequest = (kind) => {
    if (kind !== 'orderList' || listRequestNoted) return;
    listRequestNoted = true;
    send({ type: 'list-request' });
  };
  hookFetch(win, b, pageUrl, noteMallId, noteRequest, forward);
  hookXhr(win, b, pageUrl, noteMallId, noteRequest, forward);

  // Order-detail pages embed the order (and address) as window.rawData; read it once loaded, and
  // only if it is the order the URL names (a page script may set rawData on any detail path).
  if (b.test(/\/order-detail\.html$/, win.location.pathname)) {
    b.addEventListener(
      win,
      'load',
      () => {
        try {
          const urlOrderSn = orderSnFromPageUrl(win.location.href, b);
          if (!urlOrderSn) return;
          // One read of rawData, serialized once: what is checked is exactly what is sent (a getter
          // cannot answer differently twice). Cyclic data or a throwing getter: nothing.
          const json = b.jsonStringify(win.rawData);
          if (typeof json !== 'string' || rawDataOrderSn(b.jsonParse(json), b) !== urlOrderSn) return;
          send({ type: 'capture', kind: 'orderDetail', mallId: pageMallId, json, orderSnHint: urlOrderSn, requestJson: null });
        } catch {
          /* hostile rawData: nothing to capture */
        }
      },
      b.bag({ once: true }),
    );
  }
}

/** A response goes out with the shop of the request that produced it (its own `mallid` header) and its request body (text). */
type Forward = (kind: HookApiKind, json: string, requestBody: string | null, mallId: string | null) => void;
type NoteMallId = (value: unknown) => string | null;
type NoteRequest = (kind: HookApiKind) => void;

function isRequest(b: PageBuiltins, value: unknown): value is Request {
  if (typeof value !== 'object' || value === null) return false;
  try {
    b.requestUrl(value); // brand check: throws unless a real Request
    return true;
  } catch {
    return false;
  }
}

/** The URL a fetch input names, when reading it cannot run page code (string, URL, Request); else null. */
function fetchInputUrl(b: PageBuiltins, input: unknown): string | null {
  if (typeof input === 'string') return input;
  if (typeof input !== 'object' || input === null) return null;
  // Both getters are brand-checked (a forgery throws); the likelier one is tried first.
  const first = b.inheritsRequest(input) ? b.requestUrl : b.urlHref;
  const second = first === b.requestUrl ? b.urlHref : b.requestUrl;
  try {
    return first(input);
  } catch {
    /* not that one */
  }
  try {
    return second(input);
  } catch {
    return null;
  }
}

/**
 * A header of a HeadersInit (Headers, [name, value][] or record), read with saved built-ins only.
 * Runs on every request (the shop a page talks to): a plain record, the usual case, costs no
 * thrown exception. A Headers object re-parented by the page reads as a record (its own mallid
 * then goes unnoted: the page only hides its own shop from itself).
 */
function headerValue(b: PageBuiltins, headers: unknown, name: string): unknown {
  if (typeof headers !== 'object' || headers === null) return null;
  if (b.inheritsHeaders(headers)) {
    try {
      return b.headersGet(headers, name); // a real Headers object
    } catch {
      /* a forgery: read as a record below */
    }
  }
  if (b.isArray(headers)) {
    for (let i = 0; i < headers.length; i++) {
      const pair = headers[i];
      if (b.isArray(pair) && typeof pair[0] === 'string' && b.toLowerCase(pair[0]) === name) return pair[1];
    }
    return null;
  }
  const names = b.keys(headers);
  for (let i = 0; i < names.length; i++) if (b.toLowerCase(names[i]!) === name) return (headers as Record<string, unknown>)[names[i]!];
  return null;
}

/** The mallid a fetch(input, init) call names; init.headers replaces a Request's headers when given. */
function fetchMallId(b: PageBuiltins, input: unknown, init: unknown): unknown {
  const initHeaders = typeof init === 'object' && init !== null ? (init as RequestInit).headers : undefined;
  if (initHeaders) return headerValue(b, initHeaders, 'mallid');
  return b.inheritsRequest(input) && isRequest(b, input) ? b.headersGet(b.requestHeaders(input), 'mallid') : null;
}

const noop = () => undefined;

function hookFetch(win: HookWindow, b: PageBuiltins, pageUrl: () => string, noteMallId: NoteMallId, noteRequest: NoteRequest, forward: Forward) {
  // Ignored requests (all but four APIs) cost one URL test and the mallid lookup: the page URL is
  // read, and anything cloned or wrapped, only for a request the hook reads (issue 11).
  win.fetch = function (this: unknown, ...args: unknown[]) {
    let kind: HookApiKind | null = null;
    try {
      const url = fetchInputUrl(b, args[0]);
      kind = url === null ? null : matchCaptureApi(url, pageUrl, b);
      if (!kind) noteMallId(fetchMallId(b, args[0], args[1]));
    } catch {
      kind = null;
    }
    if (!kind) return b.fetch(this, args);
    noteRequest(kind);

    // A known API: build the Request ourselves (what fetch(input, init) does anyway) and send that
    // one object, so the URL, mallid and body we record are exactly what went out (a getter on
    // init cannot show us one body and the network another).
    let request: Request;
    let bodyCopy: Request;
    try {
      request = b.newRequest(args[0], args[1]);
      bodyCopy = b.requestClone(request);
    } catch {
      return b.fetch(this, args); // invalid input: fetch rejects it the same way
    }
    const pending = b.fetch(this, [request]);
    try {
      const apiKind = kind;
      const requestUrl = b.requestUrl(request);
      const mallId = noteMallId(b.headersGet(b.requestHeaders(request), 'mallid'));
      const bodyText = b.requestText(bodyCopy);
      b.promiseThen(
        pending,
        (res) => {
          // Cloned in the first reaction, before the page's own reactions can read the body.
          const copy = b.responseClone(res);
          const finalUrl = b.responseUrl(res) || requestUrl;
          if (matchCaptureApi(finalUrl, pageUrl, b) !== apiKind) return;
          b.promiseThen(
            bodyText,
            (body) => b.promiseThen(b.responseText(copy), (text) => forward(apiKind, text, typeof body === 'string' ? body : null, mallId), noop),
            () => b.promiseThen(b.responseText(copy), (text) => forward(apiKind, text, null, mallId), noop),
          );
        },
        noop,
      );
    } catch {
      /* never break the page's request */
    }
    return pending;
  } as typeof fetch;
}

function hookXhr(win: HookWindow, b: PageBuiltins, pageUrl: () => string, noteMallId: NoteMallId, noteRequest: NoteRequest, forward: Forward) {
  const proto = win.XMLHttpRequest.prototype;
  const urls = b.weakMap<XMLHttpRequest, string>();
  const mallIds = b.weakMap<XMLHttpRequest, string>();
  /** The send whose answer a load may forward; open() or a later send() makes older listeners stale. */
  const activeSend = b.weakMap<XMLHttpRequest, object>();
  const once = b.bag({ once: true });

  proto.open = function (this: XMLHttpRequest, ...args: unknown[]) {
    try {
      // open() starts a new request: its URL, no headers yet (XHR spec), no pending capture. The
      // URL is converted once and that string is what the real open() gets.
      if (args.length > 1) {
        const url = b.toString(args[1]);
        args[1] = url;
        urls.set(this, url);
      }
      mallIds.delete(this);
      activeSend.delete(this);
    } catch {
      /* ignore: the real open() throws the same way */
    }
    return b.xhrOpen(this, args);
  } as typeof proto.open;

  proto.setRequestHeader = function (this: XMLHttpRequest, ...args: unknown[]) {
    try {
      // Converted once: the header we note is the header that is set.
      const name = b.toString(args[0]);
      const value = b.toString(args[1]);
      args[0] = name;
      args[1] = value;
      if (b.toLowerCase(name) === 'mallid') {
        const id = noteMallId(value);
        if (id) mallIds.set(this, id);
      }
    } catch {
      /* ignore */
    }
    return b.xhrSetRequestHeader(this, args) as undefined;
  };

  proto.send = function (this: XMLHttpRequest, ...args: unknown[]) {
    try {
      const url = urls.get(this) ?? '';
      const kind = matchCaptureApi(url, pageUrl, b);
      if (kind) {
        noteRequest(kind);
        // Bodies are JSON strings in practice (immutable: what we read is what is sent); others are ignored.
        const body = typeof args[0] === 'string' ? args[0] : null;
        const mallId = mallIds.get(this) ?? null;
        const token = {};
        activeSend.set(this, token);
        b.addEventListener(
          this,
          'load',
          () => {
            try {
              // A listener of an earlier send on a reused XHR, or a response from elsewhere: not ours.
              if (activeSend.get(this) !== token || urls.get(this) !== url) return;
              if (matchCaptureApi(b.xhrResponseUrl(this) || url, pageUrl, b) !== kind) return;
              activeSend.delete(this);
              // Text only: a 'json' response is an object the page's own listeners share (and may
              // have changed before ours ran), so it is not the server's answer any more.
              const type = b.xhrResponseType(this);
              if (type === '' || type === 'text') forward(kind, b.xhrResponseText(this), body, mallId);
            } catch {
              /* ignore */
            }
          },
          once,
        );
      } else {
        activeSend.delete(this);
      }
    } catch {
      /* never break the page's request */
    }
    return b.xhrSend(this, args) as undefined;
  };
}
