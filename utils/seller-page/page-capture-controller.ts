import { isShopAuthorized } from '../consent/consent-read';
import type { ConsentMap } from '../consent/consent-schema';
import type { CapturePayload } from '../capture/capture-messages';
import type { Settings } from '../settings/settings-schema';
import { exceedsPayloadCap, MAX_PAYLOAD_BYTES } from '../capture/capture-limits';
import type { DomAddress } from './dom-address';
import { isMaskedValue } from '../capture/masked-value';
import type { HookKind, HookMessage } from './page-bridge';
import { cleanMallId } from './page-bridge';
import { defaultCoreBuiltins } from './page-builtins';
import { zoneFromRequestBody } from '../time/utc-offset';

export type CaptureKind = HookKind | 'addressDom' | 'orderListDom';
export type PayloadInput = Omit<CapturePayload, 'orderSnHint'> & { orderSnHint: string | null };

/** What the controller may do; the content script wires these to messages and the banner. */
export interface PageCaptureIO {
  sendPayload: (payload: PayloadInput) => Promise<unknown>;
  /**
   * Captures refused on the page (too large, or over the tab's rate limit): the background audits
   * the refusal (no body goes with it). Merged: at most one report per reason per window, with the count.
   */
  reportRejected: (kind: CaptureKind, shopId: string | null, reason: RejectReason, chars: number, count: number) => Promise<unknown>;
  /** Tells the background which shop this tab shows (for the popup). */
  reportShop: (shopId: string) => Promise<unknown>;
  setBanner: (shopId: string | null) => void;
  log: (message: string) => void;
  now: () => number;
  /** Runs `fn` after `ms` (sends a merged refusal report when its window ends). */
  setTimer: (fn: () => void, ms: number) => void;
}

export type RejectReason = 'too-large' | 'rate-limited';

export interface PageContext {
  pageUrl: string;
  /** The page URL's `timeZone` parameter, minutes east of UTC (null: the URL names none). */
  pageZone: number | null;
}

export type PageConsentState = { consent: ConsentMap; settings: Pick<Settings, 'allowSellerCenterCookies' | 'allowBulkAddressFetch' | 'showInPageBanner'> };

interface Pending {
  kind: CaptureKind;
  mallId: string | null;
  json: string;
  orderSnHint: string | null;
  zone: number | null;
  requestJson: string | null;
  at: number;
}

/**
 * Captures that describe the page rather than one request's answer (rawData, the visible address):
 * they take the page's current shop. API answers carry the `mallid` of their own request.
 */
const PAGE_LEVEL_KINDS: ReadonlySet<CaptureKind> = new Set(['orderDetail', 'addressDom', 'orderListDom']);
const HOOK_KINDS: ReadonlySet<HookKind> = new Set(['orderList', 'address', 'orderDetail', 'packages', 'shipAction']);

/**
 * Per-tab rate limit on what is sent to the background, all kinds together. A real seller-center
 * page makes a few capture-relevant calls per second at most (the list page: the order list, its
 * next pages and the packages query; a detail page: rawData and one address query per "view
 * address"; shipping: one batch_send per click) plus at most one DOM capture per debounce. 60 per
 * 10 s allows a burst of a whole list load with paging (SDX pages 500 at a time) and a seller
 * opening three addresses a second (each gives up to three captures: API, rawData, the visible
 * block), while a page script flooding the bridge reaches the background (and its audit log) at
 * most 60 times per 10 s instead of hundreds per second. A genuine capture dropped here is lost,
 * so the limit sits well above what a person does (measured: the 500-address benchmark views
 * about three addresses a second).
 */
export const RATE_LIMIT_MAX = 60;
export const RATE_LIMIT_WINDOW_MS = 10_000;
/** At most one refusal report per reason per this window; it carries the count of refusals merged. */
export const REJECT_REPORT_WINDOW_MS = 10_000;

/** Captures held while the shop or the consent state is not known yet (page load). */
const PENDING_MAX = 20;
const PENDING_TTL_MS = 15_000;

/**
 * The page side of the consent check (ISOLATED world): nothing leaves the page unless the shop is
 * authorized and cookie use is allowed. Decides; does no I/O itself (see PageCaptureIO).
 */
export function createPageCaptureController(io: PageCaptureIO, page: PageContext, secret: string) {
  let consentState: PageConsentState | null = null;
  let shopId: string | null = null;
  let bannerDismissed = false;
  const pending: Pending[] = [];
  const sentDom = new Set<string>();
  let orderListApiSeen = false;
  let lastOrderListDom = '';
  /** When each of the last sends left (oldest first), for the sliding rate-limit window. */
  const sentAt: number[] = [];
  const lastReportAt: Record<RejectReason, number> = { 'too-large': Number.NEGATIVE_INFINITY, 'rate-limited': Number.NEGATIVE_INFINITY };
  const tally: Partial<Record<RejectReason, { kind: CaptureKind; shopId: string | null; chars: number; count: number; timer: boolean }>> = {};

  function flushRejected(reason: RejectReason) {
    const t = tally[reason];
    if (!t) return;
    delete tally[reason];
    lastReportAt[reason] = io.now();
    void io.reportRejected(t.kind, t.shopId, reason, t.chars, t.count).catch(() => undefined);
  }

  /** Counts one refusal; reports at once if none was reported in the window, else once the window ends. */
  function reject(kind: CaptureKind, shop: string | null, reason: RejectReason, chars: number) {
    const now = io.now();
    tally[reason] ??= { kind, shopId: shop, chars: 0, count: 0, timer: false };
    const t = tally[reason];
    t.count++;
    // The largest refused payload in the merged report.
    t.chars = Math.max(t.chars, chars);
    if (now - lastReportAt[reason] >= REJECT_REPORT_WINDOW_MS) flushRejected(reason);
    else if (!t.timer) {
      t.timer = true;
      io.setTimer(() => flushRejected(reason), lastReportAt[reason] + REJECT_REPORT_WINDOW_MS - now);
    }
  }

  /** True when one more send fits in the tab's window (and counts it). */
  function takeRateSlot(): boolean {
    const now = io.now();
    while (sentAt.length > 0 && now - sentAt[0]! >= RATE_LIMIT_WINDOW_MS) sentAt.shift();
    if (sentAt.length >= RATE_LIMIT_MAX) return false;
    sentAt.push(now);
    return true;
  }

  const captureAllowed = (shop: string | null) => !!consentState && !!shop && consentState.settings.allowSellerCenterCookies && isShopAuthorized(consentState.consent, shop);

  function refreshBanner() {
    if (!consentState || !shopId) return;
    const show = !bannerDismissed && consentState.settings.showInPageBanner && consentState.settings.allowSellerCenterCookies && !isShopAuthorized(consentState.consent, shopId);
    io.setBanner(show ? shopId : null);
  }

  function setShop(id: string) {
    if (id === shopId) return;
    shopId = id;
    void io.reportShop(id).catch(() => undefined);
    refreshBanner();
    drain();
  }

  function forward(p: Pending, shop: string) {
    if (exceedsPayloadCap(p.json)) {
      io.log(`capture refused: ${p.kind} response over ${MAX_PAYLOAD_BYTES} bytes`);
      reject(p.kind, shop, 'too-large', p.json.length);
      return;
    }
    if (!takeRateSlot()) {
      reject(p.kind, shop, 'rate-limited', p.json.length);
      return;
    }
    io.sendPayload({
      kind: p.kind,
      shopId: shop,
      pageUrl: page.pageUrl,
      utcOffsetMinutes: p.zone ?? page.pageZone,
      json: p.json,
      requestJson: p.requestJson,
      orderSnHint: p.orderSnHint,
    }).catch((err: unknown) => io.log(`capture refused by the background: ${err instanceof Error ? err.message : String(err)}`));
  }

  function drain() {
    const now = io.now();
    for (let i = 0; i < pending.length; ) {
      const p = pending[i]!;
      const shop = p.mallId ?? (PAGE_LEVEL_KINDS.has(p.kind) ? shopId : null);
      if (now - p.at > PENDING_TTL_MS) {
        pending.splice(i, 1);
      } else if (!shop && !PAGE_LEVEL_KINDS.has(p.kind)) {
        // An API answer belongs to the shop its own request named; the page's current shop may be another one.
        pending.splice(i, 1);
        io.log(`capture dropped: ${p.kind} request carried no mallid header`);
      } else if (consentState && shop) {
        pending.splice(i, 1);
        // Not authorized (or cookies refused): dropped here, it never leaves the page.
        if (captureAllowed(shop)) forward(p, shop);
      } else i++;
    }
  }

  function enqueue(p: Omit<Pending, 'at'>) {
    // The page's shop comes from the hook's `shop` messages; a late answer of an earlier shop must not switch it back.
    if (p.mallId && shopId === null) setShop(p.mallId);
    if (pending.length >= PENDING_MAX) pending.shift();
    pending.push({ ...p, at: io.now() });
    drain();
  }

  return {
    get shopId() {
      return shopId;
    },
    setConsentState(next: PageConsentState) {
      consentState = next;
      refreshBanner();
      drain();
    },
    dismissBanner() {
      bannerDismissed = true;
      io.setBanner(null);
    },
    /** A message from the MAIN-world hook; anything without this load's secret is ignored. */
    onHookMessage(data: unknown) {
      const msg = data as Partial<HookMessage> | null;
      if (!msg || msg.secret !== secret) return;
      if (msg.type === 'list-request') {
        orderListApiSeen = true;
      } else if (msg.type === 'shop') {
        const id = cleanMallId(msg.mallId, defaultCoreBuiltins());
        if (id) setShop(id);
      } else if (msg.type === 'capture' && typeof msg.json === 'string' && HOOK_KINDS.has(msg.kind as HookKind)) {
        if (msg.kind === 'orderList') orderListApiSeen = true;
        enqueue({
          kind: msg.kind as HookKind,
          mallId: cleanMallId(msg.mallId, defaultCoreBuiltins()),
          json: msg.json,
          orderSnHint: typeof msg.orderSnHint === 'string' ? msg.orderSnHint : null,
          // The zone the page asked the seller center to write its times in, read here in the
          // isolated world (the page cannot touch this world's JSON or RegExp).
          zone: typeof msg.requestJson === 'string' ? zoneFromRequestBody(msg.requestJson) : null,
          requestJson: msg.kind === 'shipAction' && typeof msg.requestJson === 'string' ? msg.requestJson : null,
        });
      }
    },
    /** The DOM fallback found an address block; sent once per distinct content, only when allowed. */
    onDomAddress(orderSn: string, address: DomAddress) {
      // Still masked (before "view address"): nothing worth sending; the background would skip it anyway.
      if (!address.receiptName || !address.addressLine1 || isMaskedValue(address.receiptName) || isMaskedValue(address.addressLine1)) return;
      const json = JSON.stringify({ parentOrderSn: orderSn, address });
      if (sentDom.has(json) || !captureAllowed(shopId)) return;
      sentDom.add(json);
      enqueue({ kind: 'addressDom', mallId: null, json, orderSnHint: orderSn, zone: null, requestJson: null });
    },
    /** The visible order list (cold load, kind `orderListDom`): sent only when it changed and only when allowed. */
    onDomOrderList(orders: readonly unknown[]) {
      // A fallback only: once the page's own order-list answer went through the hook, that answer
      // (structured, from the seller center) is the source; the list on screen merely shows it.
      if (orderListApiSeen || orders.length === 0 || !captureAllowed(shopId)) return;
      const json = JSON.stringify({ orders });
      if (json === lastOrderListDom) return;
      lastOrderListDom = json;
      enqueue({ kind: 'orderListDom', mallId: null, json, orderSnHint: null, zone: null, requestJson: null });
    },
    captureAllowed: () => captureAllowed(shopId),
  };
}
export type PageCaptureController = ReturnType<typeof createPageCaptureController>;
