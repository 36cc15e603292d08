/**
 * Built-ins of the page's JS world, saved when the MAIN-world hook installs (document_start,
 * before any page script runs). The hook shares its world with hostile scripts (the page's own,
 * ads, other extensions): anything it looked up at call time on a page-reachable prototype could
 * have been replaced, and the replacement would receive our `this` (the bridge port, a cloned
 * body) and decide our results. So every built-in the hook uses is read here once and later
 * called only through the saved `Reflect.apply` with the saved function, never through a property
 * lookup on a page object or prototype.
 *
 * Rules for code that runs in the hook on untrusted paths (requests, responses, page data):
 * - call only functions of this object; no method calls on page objects or built-in prototypes
 *   (no `.then`, `.clone()`, `.test()`, `.push()`, `.includes()`, `.toLowerCase()`, …);
 * - no array destructuring, spread or `for…of` over arrays (they use the page-replaceable
 *   Array iterator); index loops over own elements only;
 * - no `await` (it may look up `then`/`constructor` on a promise);
 * - no writes to array indexes that may not exist (an Array.prototype setter would see the
 *   array): use {@link SafeQueue}; option bags are null-prototype objects.
 */

type Getter<T = unknown> = (self: unknown) => T;

/** The part of the page's global object the hook reads built-ins from (in the page: `window`). */
export type CoreGlobal = Pick<typeof globalThis, 'Reflect' | 'Object' | 'Array' | 'String' | 'RegExp' | 'JSON' | 'URL' | 'URLSearchParams' | 'Promise' | 'WeakMap'>;
export type PageGlobal = CoreGlobal &
  Pick<typeof globalThis, 'EventTarget' | 'Event' | 'MessageEvent' | 'MessagePort' | 'Response' | 'Request' | 'Headers' | 'XMLHttpRequest'> & {
    fetch: typeof fetch;
    postMessage: (message: unknown, targetOrigin: string) => void;
  };

/** A WeakMap reached only through saved methods (the page cannot hook get/set to read or plant entries). */
export interface SafeWeakMap<K extends object, V> {
  get(key: K): V | undefined;
  set(key: K, value: V): void;
  delete(key: K): void;
}

/** A small FIFO on a null-prototype object: no Array methods, no prototype setters. */
export interface SafeQueue<T> {
  readonly size: number;
  push(value: T): void;
  shift(): T | undefined;
}

export interface CoreBuiltins {
  /** Saved `Reflect.apply`. */
  apply: (fn: unknown, self: unknown, args: ArrayLike<unknown>) => unknown;
  jsonParse: (text: string) => unknown;
  /** Saved `JSON.stringify` (undefined for undefined/functions, throws on cycles and throwing getters). */
  jsonStringify: (value: unknown) => string | undefined;
  /** `RegExp.prototype.exec` saved: `exec(re, s) !== null`. Never `re.test`, which calls a live `exec`. */
  test: (re: RegExp, s: string) => boolean;
  toLowerCase: (s: string) => string;
  trim: (s: string) => string;
  /** `String(value)`: runs a page object's toString once; the result is a primitive (immutable). */
  toString: (value: unknown) => string;
  isArray: (value: unknown) => value is readonly unknown[];
  keys: (o: object) => string[];
  /** An own data property, or undefined (never a prototype getter). */
  own: (o: unknown, key: string) => unknown;
  newURL: (url: string, base?: string) => URL;
  urlHref: Getter<string>;
  urlProtocol: Getter<string>;
  urlHostname: Getter<string>;
  urlPathname: Getter<string>;
  urlSearchParams: Getter<URLSearchParams>;
  searchParamsGet: (params: URLSearchParams, name: string) => string | null;
  promiseThen: <T>(p: Promise<T>, onOk: (value: T) => unknown, onErr: (err: unknown) => unknown) => void;
  weakMap: <K extends object, V>() => SafeWeakMap<K, V>;
  queue: <T>() => SafeQueue<T>;
  /** A null-prototype copy of a plain record (event listener options and the like). */
  bag: <T extends object>(fields: T) => T;
}

export interface PageBuiltins extends CoreBuiltins {
  fetch: (self: unknown, args: ArrayLike<unknown>) => Promise<Response>;
  newRequest: (input: unknown, init: unknown) => Request;
  requestUrl: Getter<string>;
  requestHeaders: Getter<Headers>;
  requestClone: (req: Request) => Request;
  requestText: (req: Request) => Promise<string>;
  headersGet: (headers: unknown, name: string) => string | null;
  /**
   * Whether a value inherits from the saved Headers.prototype / Request.prototype (saved
   * `isPrototypeOf`): a cheap test that tells which brand-checked getter to try, so an ignored
   * request with a plain headers object costs no thrown exception. Not a brand check: the getters
   * still throw on a forgery, and callers catch.
   */
  inheritsHeaders: (value: unknown) => boolean;
  inheritsRequest: (value: unknown) => boolean;
  responseClone: (res: Response) => Response;
  responseText: (res: Response) => Promise<string>;
  responseUrl: Getter<string>;
  responseStatus: Getter<number>;
  xhrOpen: (xhr: unknown, args: ArrayLike<unknown>) => unknown;
  xhrSend: (xhr: unknown, args: ArrayLike<unknown>) => unknown;
  xhrSetRequestHeader: (xhr: unknown, args: ArrayLike<unknown>) => unknown;
  xhrResponseText: Getter<string>;
  xhrResponseType: Getter<string>;
  xhrResponseUrl: Getter<string>;
  addEventListener: (target: unknown, type: string, listener: (event: Event) => void, options: boolean | AddEventListenerOptions) => void;
  stopImmediatePropagation: (event: unknown) => void;
  eventData: Getter;
  eventPorts: Getter<readonly MessagePort[]>;
  eventSource: Getter;
  portPostMessage: (port: unknown, message: unknown) => void;
  portStart: (port: unknown) => void;
  windowPostMessage: (message: unknown, targetOrigin: string) => void;
}

/** Reads a prototype's own getter or method once, now, so later page overrides change nothing. */
function accessorsOf(apply: (fn: unknown, self: unknown, args: ArrayLike<unknown>) => unknown, descriptorOf: typeof Object.getOwnPropertyDescriptor) {
  return {
    getter<T>(proto: object, name: string): Getter<T> {
      const get = descriptorOf(proto, name)?.get;
      if (typeof get !== 'function') throw new TypeError(`no getter ${name}`);
      return (self) => apply(get, self, []) as T;
    },
    method(proto: object, name: string): unknown {
      const fn = descriptorOf(proto, name)?.value;
      if (typeof fn !== 'function') throw new TypeError(`no method ${name}`);
      return fn;
    },
  };
}

/** Saved from `g` now. Throws if a built-in is missing (the hook then does not install). */
export function saveCoreBuiltins(g: CoreGlobal): CoreBuiltins {
  const apply = g.Reflect.apply as (fn: unknown, self: unknown, args: ArrayLike<unknown>) => unknown;
  const descriptorOf = g.Object.getOwnPropertyDescriptor;
  const { getter, method } = accessorsOf(apply, descriptorOf);
  const { parse, stringify } = g.JSON;
  const exec = method(g.RegExp.prototype, 'exec');
  const lower = method(g.String.prototype, 'toLowerCase');
  const trim = method(g.String.prototype, 'trim');
  const ToString = g.String;
  const { isArray } = g.Array;
  const { keys, hasOwn, create, freeze } = g.Object;
  const URLCtor = g.URL;
  const searchGet = method(g.URLSearchParams.prototype, 'get');
  const then = method(g.Promise.prototype, 'then');
  const WeakMapCtor = g.WeakMap;
  const wmGet = method(g.WeakMap.prototype, 'get');
  const wmSet = method(g.WeakMap.prototype, 'set');
  const wmDelete = method(g.WeakMap.prototype, 'delete');

  const own = (o: unknown, key: string): unknown => {
    if (typeof o !== 'object' || o === null || !hasOwn(o, key)) return undefined;
    const d = descriptorOf(o, key);
    return d && 'value' in d ? d.value : undefined;
  };

  const core: CoreBuiltins = {
    apply,
    jsonParse: (text) => apply(parse, g.JSON, [text]),
    jsonStringify: (value) => apply(stringify, g.JSON, [value]) as string | undefined,
    test: (re, s) => apply(exec, re, [s]) !== null,
    toLowerCase: (s) => apply(lower, s, []) as string,
    trim: (s) => apply(trim, s, []) as string,
    toString: (value) => ToString(value),
    isArray: (value): value is readonly unknown[] => isArray(value),
    keys: (o) => keys(o),
    own,
    newURL: (url, base) => (base === undefined ? new URLCtor(url) : new URLCtor(url, base)),
    urlHref: getter<string>(g.URL.prototype, 'href'),
    urlProtocol: getter<string>(g.URL.prototype, 'protocol'),
    urlHostname: getter<string>(g.URL.prototype, 'hostname'),
    urlPathname: getter<string>(g.URL.prototype, 'pathname'),
    urlSearchParams: getter<URLSearchParams>(g.URL.prototype, 'searchParams'),
    searchParamsGet: (params, name) => apply(searchGet, params, [name]) as string | null,
    promiseThen: (p, onOk, onErr) => void apply(then, p, [onOk, onErr]),
    weakMap: <K extends object, V>(): SafeWeakMap<K, V> => {
      const map = new WeakMapCtor<K, V>();
      return freeze({
        get: (key: K) => apply(wmGet, map, [key]) as V | undefined,
        set: (key: K, value: V) => void apply(wmSet, map, [key, value]),
        delete: (key: K) => void apply(wmDelete, map, [key]),
      });
    },
    queue: <T>(): SafeQueue<T> => {
      const slots = create(null) as Record<number, T>;
      let head = 0;
      let tail = 0;
      return freeze({
        get size() {
          return tail - head;
        },
        push(value: T) {
          slots[tail++] = value;
        },
        shift() {
          if (head === tail) return undefined;
          const value = slots[head];
          delete slots[head++];
          return value;
        },
      });
    },
    bag: <T extends object>(fields: T): T => {
      const out = create(null) as T;
      const names = keys(fields);
      for (let i = 0; i < names.length; i++) (out as Record<string, unknown>)[names[i]!] = (fields as Record<string, unknown>)[names[i]!];
      return out;
    },
  };
  return freeze(core);
}

/** Everything the MAIN-world hook calls, saved from the page's window at install. */
export function savePageBuiltins(win: PageGlobal): PageBuiltins {
  const core = saveCoreBuiltins(win);
  const { apply } = core;
  const { getter, method } = accessorsOf(apply, win.Object.getOwnPropertyDescriptor);
  const fetchFn = win.fetch;
  const windowPost = win.postMessage;
  const RequestCtor = win.Request;
  const requestClone = method(win.Request.prototype, 'clone');
  const requestText = method(win.Request.prototype, 'text');
  const headersGet = method(win.Headers.prototype, 'get');
  const responseClone = method(win.Response.prototype, 'clone');
  const responseText = method(win.Response.prototype, 'text');
  const xhr = win.XMLHttpRequest.prototype;
  const xhrOpen = method(xhr, 'open');
  const xhrSend = method(xhr, 'send');
  const xhrSetRequestHeader = method(xhr, 'setRequestHeader');
  const addListener = method(win.EventTarget.prototype, 'addEventListener');
  const stopImmediate = method(win.Event.prototype, 'stopImmediatePropagation');
  const portPost = method(win.MessagePort.prototype, 'postMessage');
  const portStart = method(win.MessagePort.prototype, 'start');
  const protoOf = method(win.Object.prototype, 'isPrototypeOf');
  const headersProto = win.Headers.prototype;
  const requestProto = win.Request.prototype;

  const page: PageBuiltins = {
    ...core,
    fetch: (self, args) => apply(fetchFn, self, args) as Promise<Response>,
    newRequest: (input, init) => (init === undefined ? new RequestCtor(input as RequestInfo) : new RequestCtor(input as RequestInfo, init as RequestInit)),
    requestUrl: getter<string>(win.Request.prototype, 'url'),
    requestHeaders: getter<Headers>(win.Request.prototype, 'headers'),
    requestClone: (req) => apply(requestClone, req, []) as Request,
    requestText: (req) => apply(requestText, req, []) as Promise<string>,
    headersGet: (headers, name) => apply(headersGet, headers, [name]) as string | null,
    inheritsHeaders: (value) => typeof value === 'object' && value !== null && apply(protoOf, headersProto, [value]) === true,
    inheritsRequest: (value) => typeof value === 'object' && value !== null && apply(protoOf, requestProto, [value]) === true,
    responseClone: (res) => apply(responseClone, res, []) as Response,
    responseText: (res) => apply(responseText, res, []) as Promise<string>,
    responseUrl: getter<string>(win.Response.prototype, 'url'),
    responseStatus: getter<number>(win.Response.prototype, 'status'),
    xhrOpen: (x, args) => apply(xhrOpen, x, args),
    xhrSend: (x, args) => apply(xhrSend, x, args),
    xhrSetRequestHeader: (x, args) => apply(xhrSetRequestHeader, x, args),
    xhrResponseText: getter<string>(xhr, 'responseText'),
    xhrResponseType: getter<string>(xhr, 'responseType'),
    xhrResponseUrl: getter<string>(xhr, 'responseURL'),
    addEventListener: (target, type, listener, options) => void apply(addListener, target, [type, listener, options]),
    stopImmediatePropagation: (event) => void apply(stopImmediate, event, []),
    eventData: getter(win.MessageEvent.prototype, 'data'),
    eventPorts: getter<readonly MessagePort[]>(win.MessageEvent.prototype, 'ports'),
    eventSource: getter(win.MessageEvent.prototype, 'source'),
    portPostMessage: (port, message) => void apply(portPost, port, [message]),
    portStart: (port) => void apply(portStart, port, []),
    windowPostMessage: (message, targetOrigin) => void apply(windowPost, win, [message, targetOrigin]),
  };
  return win.Object.freeze(page);
}

let isolatedCore: CoreBuiltins | null = null;
/** For the shared helpers when they run in the isolated world (private built-ins) or in tests. */
export function defaultCoreBuiltins(): CoreBuiltins {
  isolatedCore ??= saveCoreBuiltins(globalThis);
  return isolatedCore;
}
