import { defineContentScript } from 'wxt/utils/define-content-script';
import { createBannerHost } from '../components/banner/banner-host';
import { type DomWatch, onBody, watchAddressBlock, watchPageDom } from '../utils/seller-page/address-block-watcher';
import { ORDER_LIST_PAGES, readVisibleOrderList } from '../utils/seller-page/dom-order-list';
import { extractDomAddress, findShownOrderSn, orderForDomAddress } from '../utils/seller-page/dom-address';
import { createBridgeHost } from '../utils/seller-page/bridge-host';
import { orderSnFromPageUrl } from '../utils/seller-page/page-bridge';
import { defaultCoreBuiltins } from '../utils/seller-page/page-builtins';
import { createPageCaptureController, type PageConsentState } from '../utils/seller-page/page-capture-controller';
import { SELLER_CENTER_MATCH_PATTERNS } from '../utils/capture/seller-center-hosts';
import { readPageConsent, watchPageConsent } from '../utils/seller-page/page-consent-adapter';
import type { ContentMessages } from '../utils/seller-page/content-messages';
import { createSender } from '../utils/messaging/send-message-adapter';
import { zoneFromPageUrl } from '../utils/time/utc-offset';
import { createBulkFetchHost } from '../utils/seller-page/bulk-fetch-host';
import { listenForBulkFetchCommands, loadBulkFetchScript } from '../utils/seller-page/bulk-fetch-tab-adapter';

/** Pages whose visible address block is read as the last-resort source (issue 4). */
const ADDRESS_PAGES = /\/(order-detail|online-shipping|buy-shipping-bulk-details)\.html$/;
/** The list re-renders in bursts (paging, filters): read it once it has settled. */
const ORDER_LIST_SCAN_DELAY_MS = 800;

/**
 * ISOLATED world, document_start: the page side of the consent gate. Bridges to the MAIN-world
 * hook, forwards captures of authorized shops to the background, shows the authorize banner.
 */
export default defineContentScript({
  matches: [...SELLER_CENTER_MATCH_PATTERNS],
  runAt: 'document_start',
  main(ctx) {
    // Only the messages this script sends (types only): no request schema or protocol map is bundled.
    const sendMessage = createSender<ContentMessages>();
    const secret = crypto.randomUUID();
    const controller = createPageCaptureController(
      {
        sendPayload: (p) => sendMessage('capture/payload', p),
        reportRejected: (kind, shopId, reason, chars, count) => sendMessage('capture/rejected', { kind, shopId, reason, chars, count }),
        reportShop: (shopId) => sendMessage('consent/status', { shopId }),
        setBanner: (shopId) => onBody(() => banner.set(shopId)),
        log: (message) => console.warn(`[seller-vault] ${message}`),
        now: () => Date.now(),
        setTimer: (fn, ms) => void ctx.setTimeout(fn, ms),
      },
      { pageUrl: location.origin + location.pathname, pageZone: zoneFromPageUrl(location.href) },
      secret,
    );
    const banner = createBannerHost(ctx, {
      onAuthorize: (shopId) => void sendMessage('consent/open-authorization', { shopId }).catch(() => undefined),
      onDismiss: () => controller.dismissBanner(),
    });

    // Bulk fetch (issue 12): a small host here; the runner and the in-page panel load lazily
    // (bulk-fetch.js) on the popup's first command or when the orders page may show the panel.
    let consentState: PageConsentState | null = null;
    const bulk = createBulkFetchHost(
      {
        secret,
        postToHook: (message) => bridge.post(message),
        shopId: () => controller.shopId,
        consent: () => consentState,
        plan: (shopId, orderSns) => sendMessage('bulk-fetch/plan', { shopId, orderSns }),
        store: (input) => sendMessage('bulk-fetch/store', input),
        setTimer: (fn, ms) => void ctx.setTimeout(fn, ms),
        now: () => Date.now(),
        onOrdersPage: () => ORDER_LIST_PAGES.test(location.pathname),
      },
      loadBulkFetchScript,
    );
    ctx.onInvalidated(listenForBulkFetchCommands((raw) => bulk.onCommand(raw)));

    // The bridge: post a port now (page scripts cannot be listening yet); once more if the hook
    // asks before it has acknowledged one; after that only the acknowledged port is read.
    const bridge = createBridgeHost(secret, {
      newChannel: () => new MessageChannel(),
      postPort: (hello, port) => window.postMessage(hello, location.origin, [port]),
      onHookMessage: (data) => {
        if (bulk.onHookMessage(data)) return;
        const shopBefore = controller.shopId;
        controller.onHookMessage(data);
        if (controller.shopId !== shopBefore) onBody(bulk.refresh);
        // The shop may just have become known: the page may already show what the watchers read.
        pokeWatchers();
      },
    });
    bridge.start();
    ctx.addEventListener(window, 'message', (e: MessageEvent) => {
      if (e.source === window) bridge.onWindowMessage(e.data);
    });

    const watchers: DomWatch[] = [];
    const pokeWatchers = () => {
      for (const w of watchers) w.poke();
    };
    const setConsentState = (state: PageConsentState) => {
      consentState = state;
      controller.setConsentState(state);
      onBody(bulk.refresh);
      pokeWatchers();
    };
    void readPageConsent().then(setConsentState);
    const stopWatching = watchPageConsent(setConsentState);
    ctx.onInvalidated(stopWatching);

    // Checked on every scan, not once: the seller center moves between pages without reloading.
    let lastSkip = '';
    const addressWatch = watchAddressBlock(
      ctx,
      () => ADDRESS_PAGES.test(location.pathname) && controller.captureAllowed(),
      (block) => {
        // The URL and the order number shown with the address must agree (in-page navigation).
        const order = orderForDomAddress(orderSnFromPageUrl(location.href, defaultCoreBuiltins()), findShownOrderSn(block));
        if (order.ok) return controller.onDomAddress(order.orderSn, extractDomAddress(block));
        const skip = `${location.pathname}${location.search}: ${order.reason}`;
        if (skip !== lastSkip) console.warn(`[seller-vault] page address skipped: ${order.reason}`);
        lastSkip = skip;
      },
    );

    // Cold load: the first order-list page may have gone out before the hook (or from a worker);
    // read the visible list as text, once per distinct content (the controller compares).
    const listWatch = watchPageDom(
      ctx,
      () => ORDER_LIST_PAGES.test(location.pathname) && controller.captureAllowed(),
      () => controller.onDomOrderList(readVisibleOrderList(document)),
      ORDER_LIST_SCAN_DELAY_MS,
    );
    watchers.push(addressWatch, listWatch);
  },
});
