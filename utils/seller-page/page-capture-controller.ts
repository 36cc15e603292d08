import { isShopAuthorized, type ConsentMap } from '../consent/consent-schema';
import type { CapturePayload } from '../capture/capture-messages';
import type { Settings } from '../settings/settings-schema';
import { exceedsPayloadCap, MAX_PAYLOAD_BYTES } from '../capture/capture-limits';
import type { DomAddress } from './dom-address';
import { isMaskedValue } from '../capture/masked-value';
import type { HookKind, HookMessage } from './page-bridge';
import { cleanMallId } from './page-bridge';
import { defaultCoreBuiltins } from './page-builtins';
import { isUtcOffsetMinutes } from '../time/utc-offset';

export type CaptureKind = HookKind | 'addressDom' | 'orderListDom';
export type PayloadInput = Omit<CapturePayload, 'orderSnHint'> & { orderSnHint: string | null };

/** What the controller may do; the content script wires these to messages and the banner. */
export interface PageCaptureIO {
  sendPayload: (payload: PayloadInput) => Promise<unknown>;
  /** Too large to send: the background audits the refusal (no body goes with it). */
  reportRejected: (kind: CaptureKind, shopId: string | null, reason: 'too-large', chars: number) => Promise<unknown>;
  /** Tells the background which shop this tab shows (for the popup). */
  reportShop: (shopId: string) => Promise<unknown>;
  setBanner: (shopId: string | null) => void;
  log: (message: string) => void;
  now: () => number;
}

export interface PageContext {
  pageUrl: string;
  /** The page URL's `timeZone` parameter, minutes east of UTC (null: the URL names none). */
  pageZone: number | null;
}

export type PageConsentState = { consent: ConsentMap; settings: Pick<Settings, 'allowSellerCenterCookies' | 'showInPageBanner'> };

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
      void io.reportRejected(p.kind, shop, 'too-large', p.json.length).catch(() => undefined);
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
      if (msg.type === 'shop') {
        const id = cleanMallId(msg.mallId, defaultCoreBuiltins());
        if (id) setShop(id);
      } else if (msg.type === 'capture' && typeof msg.json === 'string' && HOOK_KINDS.has(msg.kind as HookKind)) {
        enqueue({
          kind: msg.kind as HookKind,
          mallId: cleanMallId(msg.mallId, defaultCoreBuiltins()),
          json: msg.json,
          orderSnHint: typeof msg.orderSnHint === 'string' ? msg.orderSnHint : null,
          zone: isUtcOffsetMinutes(msg.zone) ? msg.zone : null,
          requestJson: typeof msg.requestJson === 'string' ? msg.requestJson : null,
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
    captureAllowed: () => captureAllowed(shopId),
  };
}
export type PageCaptureController = ReturnType<typeof createPageCaptureController>;
