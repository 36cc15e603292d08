import { SELLER_CENTER_HOSTS } from '../capture/seller-center-hosts';
import type { CoreBuiltins } from './page-builtins';

/**
 * The channel between the MAIN-world hook and the ISOLATED content script (decision 2026-11-25
 * "Capture bridge"). The isolated script, running first at document_start, posts one
 * MessagePort to the page window (and answers at most one `hook-ready` with a second one, only
 * until the hook acknowledges); the hook takes only the first port, acknowledges on it, and sends
 * captures over it, each stamped with the per-load secret. This file is imported by the MAIN-world
 * script: no extension APIs.
 */
export const BRIDGE_SOURCE = 'seller-vault-bridge/v1';

/** isolated → MAIN (window.postMessage with the port transferred). */
export interface BridgePortMessage {
  source: typeof BRIDGE_SOURCE;
  type: 'port';
  secret: string;
}

/** MAIN → isolated (window.postMessage): the hook loaded after the port was posted; send another. */
export interface BridgeReadyMessage {
  source: typeof BRIDGE_SOURCE;
  type: 'hook-ready';
}

export type HookKind = 'orderList' | 'address' | 'orderDetail' | 'packages' | 'shipAction';

/**
 * MAIN → isolated over the port. `connected` is the hook's acknowledgement, the first message on
 * the port it took; a capture's `mallId` is the `mallid` header of the request that produced it.
 */
export type HookMessage =
  | { secret: string; type: 'connected' }
  | {
      secret: string;
      type: 'capture';
      kind: HookKind;
      mallId: string | null;
      json: string;
      orderSnHint: string | null;
      /** The request's JSON body as sent (order list, packages, ship action), capped: its `timeZone`, the orders shipped. */
      requestJson: string | null;
    }
  | { secret: string; type: 'shop'; mallId: string }
  /** An order-list API request left the page (its answer follows when read). */
  | { secret: string; type: 'list-request' }
  /** The answer to one session request (bulk fetch): HTTP status (0: none) and body text (null: unread or too long). */
  | { secret: string; type: 'session-answer'; id: number; status: number; text: string | null };

/**
 * The requests bulk fetch makes with the seller's session (issue 12): the two the seller center
 * itself makes when the seller clicks "view address" — the reason note, then the address query.
 * The isolated side names the step; the hook alone builds URL and body from this table, so the
 * port carries no URL and no free-form body.
 */
export const SESSION_PATHS = {
  note: '/kirogi/bg/mms/sellerNotes',
  address: '/mms/orchid/address/snapshot/order_shipping_address_query',
} as const;
export type SessionRequestStep = keyof typeof SESSION_PATHS;
/** Longer answers are not read (an address answer is a few hundred bytes). */
export const MAX_SESSION_ANSWER_CHARS = 100_000;

/** isolated → MAIN over the acknowledged port: make one session request. */
export interface SessionRequestCommand {
  secret: string;
  type: 'session-request';
  id: number;
  step: SessionRequestStep;
  orderSn: string;
  mallId: string;
  /** `noteReasonType` of the note (the seller's reason for viewing, chosen once per batch). */
  reasonType: number;
}

/** The command as the hook accepts it (own data properties only, checked with saved built-ins), or null. */
export function readSessionRequest(data: unknown, secret: string, b: CoreBuiltins): SessionRequestCommand | null {
  if (b.own(data, 'type') !== 'session-request' || b.own(data, 'secret') !== secret || secret === '') return null;
  const id = b.own(data, 'id');
  const step = b.own(data, 'step');
  const orderSn = b.own(data, 'orderSn');
  const mallId = cleanMallId(b.own(data, 'mallId'), b);
  const reasonType = b.own(data, 'reasonType');
  if (typeof id !== 'number' || (step !== 'note' && step !== 'address') || typeof orderSn !== 'string' || !b.test(ORDER_SN, orderSn) || !mallId) return null;
  if (typeof reasonType !== 'number' || !(reasonType >= 1 && reasonType <= 99) || reasonType % 1 !== 0) return null;
  return { secret, type: 'session-request', id, step, orderSn, mallId, reasonType };
}

export function isBridgeAck(data: unknown, secret: string): boolean {
  const d = data as Partial<HookMessage> | null;
  return !!d && d.type === 'connected' && d.secret === secret;
}

export function isBridgePortMessage(data: unknown): data is BridgePortMessage {
  const d = data as Partial<BridgePortMessage> | null;
  return !!d && d.source === BRIDGE_SOURCE && d.type === 'port' && typeof d.secret === 'string';
}

export function isBridgeReadyMessage(data: unknown): data is BridgeReadyMessage {
  const d = data as Partial<BridgeReadyMessage> | null;
  return !!d && d.source === BRIDGE_SOURCE && d.type === 'hook-ready';
}

/**
 * The one cheap URL test the hook runs on every request: only these APIs are read (order list,
 * buyer address, packages, ship action); every other response is left alone. The path test runs
 * on the raw string first (one regular expression: all an ignored request costs, issue 11); only a
 * hit reads the page URL and is parsed, and it must resolve (against the page URL, so same-origin
 * relative URLs work) to https on a seller-center host: the same path on another host is not the
 * seller center's answer. A query string (`?is_back=1`) is allowed.
 *
 * These helpers run in the MAIN world too: they take the built-ins saved at hook install
 * (`b`, see page-builtins.ts) and call nothing else; the isolated side passes its own.
 */
const CAPTURE_API_HINT =
  /\/(?:kirogi\/bg\/mms\/recentOrderList|mms\/orchid\/address\/snapshot\/order_shipping_address_query|mms\/eagle\/package\/main_batch_query|mms\/eagle\/package\/online\/batch_send)(?:[?#]|$)/;
const CAPTURE_API_PATHS: readonly (readonly [RegExp, HookApiKind])[] = [
  [/\/kirogi\/bg\/mms\/recentOrderList$/, 'orderList'],
  [/\/mms\/orchid\/address\/snapshot\/order_shipping_address_query$/, 'address'],
  [/\/mms\/eagle\/package\/main_batch_query$/, 'packages'],
  [/\/mms\/eagle\/package\/online\/batch_send$/, 'shipAction'],
];

/** The kinds that are API answers (orderDetail is the page's rawData). */
export type HookApiKind = Exclude<HookKind, 'orderDetail'>;

export function matchCaptureApi(url: string, pageUrl: string | (() => string), b: CoreBuiltins): HookApiKind | null {
  if (typeof url !== 'string' || !b.test(CAPTURE_API_HINT, url)) return null;
  let u: URL;
  try {
    u = b.newURL(url, typeof pageUrl === 'function' ? pageUrl() : pageUrl);
  } catch {
    return null;
  }
  if (b.urlProtocol(u) !== 'https:' || !isSellerCenterHost(b.urlHostname(u))) return null;
  const path = b.urlPathname(u);
  for (let i = 0; i < CAPTURE_API_PATHS.length; i++) {
    const entry = CAPTURE_API_PATHS[i]!;
    if (b.test(entry[0], path)) return entry[1];
  }
  return null;
}

function isSellerCenterHost(host: string): boolean {
  const hosts: readonly string[] = SELLER_CENTER_HOSTS;
  for (let i = 0; i < hosts.length; i++) if (hosts[i] === host) return true;
  return false;
}

const ORDER_SN = /^[A-Za-z0-9][A-Za-z0-9-]{2,63}$/;

/** parent_order_sn / parentOrderSn from a JSON request body (address query), if any. */
export function orderSnFromRequestBody(body: unknown, b: CoreBuiltins): string | null {
  if (typeof body !== 'string' || body.length > 10_000) return null;
  try {
    const parsed = b.jsonParse(body);
    const sn = b.own(parsed, 'parent_order_sn') ?? b.own(parsed, 'parentOrderSn');
    return typeof sn === 'string' && b.test(ORDER_SN, sn) ? sn : null;
  } catch {
    return null;
  }
}

/** parent_order_sn from a page URL (order detail). */
export function orderSnFromPageUrl(href: string, b: CoreBuiltins): string | null {
  try {
    const sn = b.searchParamsGet(b.urlSearchParams(b.newURL(href)), 'parent_order_sn');
    return typeof sn === 'string' && b.test(ORDER_SN, sn) ? sn : null;
  } catch {
    return null;
  }
}

/** `rawData.store.parentOrderMap.parentOrderSn` of a parsed rawData snapshot (own data properties only). */
export function rawDataOrderSn(rawData: unknown, b: CoreBuiltins): string | null {
  const sn = b.own(b.own(b.own(rawData, 'store'), 'parentOrderMap'), 'parentOrderSn');
  return typeof sn === 'string' && b.test(ORDER_SN, sn) ? sn : null;
}

const MALL_ID = /^[0-9A-Za-z_-]{1,40}$/;
export function cleanMallId(value: unknown, b: CoreBuiltins): string | null {
  if (typeof value !== 'string' || value.length > 200) return null;
  const id = b.trim(value);
  return b.test(MALL_ID, id) ? id : null;
}
