import { SELLER_CENTER_HOSTS } from '../capture/seller-center-hosts';

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
      /** The request body's `timeZone`, minutes east of UTC (null: the request named none). */
      zone: number | null;
      /** The request's JSON body when the answer alone does not say what happened (ship action). */
      requestJson: string | null;
    }
  | { secret: string; type: 'shop'; mallId: string };

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
 * The one cheap URL test the hook runs on every request: only these two APIs are read
 * (order list, buyer address); every other response is left alone. The path test runs on the raw
 * string first (cheap); only a hit is parsed, and it must resolve (against the page URL, so
 * same-origin relative URLs work) to https on a seller-center host: the same path on another
 * host is not the seller center's answer.
 */
const CAPTURE_API_HINT = /\/(?:kirogi\/bg\/mms\/recentOrderList|mms\/orchid\/address\/snapshot\/order_shipping_address_query)(?:[?#]|$)/;
const CAPTURE_API_PATH = /\/(?:kirogi\/bg\/mms\/recentOrderList|mms\/orchid\/address\/snapshot\/order_shipping_address_query)$/;

export function matchCaptureApi(url: string, pageUrl: string): 'orderList' | 'address' | null {
  if (!CAPTURE_API_HINT.test(url)) return null;
  let u: URL;
  try {
    u = new URL(url, pageUrl);
  } catch {
    return null;
  }
  if (u.protocol !== 'https:' || !(SELLER_CENTER_HOSTS as readonly string[]).includes(u.hostname)) return null;
  const m = CAPTURE_API_PATH.exec(u.pathname);
  if (!m) return null;
  return m[0].includes('recentOrderList') ? 'orderList' : 'address';
}

const ORDER_SN = /^[A-Za-z0-9][A-Za-z0-9-]{2,63}$/;

/** parent_order_sn / parentOrderSn from a JSON request body (address query), if any. */
export function orderSnFromRequestBody(body: unknown): string | null {
  if (typeof body !== 'string' || body.length > 10_000) return null;
  try {
    const parsed = JSON.parse(body) as Record<string, unknown>;
    const sn = parsed.parent_order_sn ?? parsed.parentOrderSn;
    return typeof sn === 'string' && ORDER_SN.test(sn) ? sn : null;
  } catch {
    return null;
  }
}

/** parent_order_sn from a page URL (order detail). */
export function orderSnFromPageUrl(href: string): string | null {
  try {
    const sn = new URL(href).searchParams.get('parent_order_sn');
    return sn && ORDER_SN.test(sn) ? sn : null;
  } catch {
    return null;
  }
}

const MALL_ID = /^[0-9A-Za-z_-]{1,40}$/;
export function cleanMallId(value: unknown): string | null {
  return typeof value === 'string' && MALL_ID.test(value.trim()) ? value.trim() : null;
}
