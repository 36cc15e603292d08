import { createBannerHost } from '../components/banner/banner-host';
import { extractDomAddress, findAddressBlock } from '../utils/capture/dom-address';
import { BRIDGE_SOURCE, isBridgeReadyMessage, orderSnFromPageUrl, type BridgePortMessage } from '../utils/capture/page-bridge';
import { createPageCaptureController } from '../utils/capture/page-capture-controller';
import { SELLER_CENTER_MATCH_PATTERNS } from '../utils/capture/seller-center-hosts';
import { readCaptureGate, watchCaptureGate } from '../utils/consent/capture-gate-adapter';
import { sendMessage } from '../utils/messaging/send-message';

/** Pages whose visible address block is read as the last-resort source (issue 4). */
const ADDRESS_PAGES = /\/(order-detail|online-shipping|buy-shipping-bulk-details)\.html$/;
const DOM_SCAN_DELAY_MS = 400;

/**
 * ISOLATED world, document_start: the page side of the consent gate. Bridges to the MAIN-world
 * hook, forwards captures of authorized shops to the background, shows the authorize banner.
 */
export default defineContentScript({
  matches: [...SELLER_CENTER_MATCH_PATTERNS],
  runAt: 'document_start',
  main(ctx) {
    const secret = crypto.randomUUID();
    const controller = createPageCaptureController(
      {
        sendPayload: (p) => sendMessage('capture/payload', p),
        reportRejected: (kind, shopId, reason, chars) => sendMessage('capture/rejected', { kind, shopId, reason, chars }),
        reportShop: (shopId) => sendMessage('consent/status', { shopId }),
        setBanner: (shopId) => onBody(() => banner.set(shopId)),
        log: (message) => console.warn(`[seller-vault] ${message}`),
        now: () => Date.now(),
      },
      { pageUrl: location.origin + location.pathname, tzOffsetMinutes: new Date().getTimezoneOffset() },
      secret,
    );
    const banner = createBannerHost(ctx, {
      onAuthorize: (shopId) => void sendMessage('consent/open-authorization', { shopId }).catch(() => undefined),
      onDismiss: () => controller.dismissBanner(),
    });

    // The bridge: post a port now (page scripts cannot be listening yet); again if the hook asks.
    const offerPort = () => {
      const channel = new MessageChannel();
      channel.port1.onmessage = (e) => controller.onHookMessage(e.data);
      const hello: BridgePortMessage = { source: BRIDGE_SOURCE, type: 'port', secret };
      window.postMessage(hello, location.origin, [channel.port2]);
    };
    offerPort();
    ctx.addEventListener(window, 'message', (e: MessageEvent) => {
      if (e.source === window && isBridgeReadyMessage(e.data)) offerPort();
    });

    void readCaptureGate().then((gate) => controller.setGate(gate));
    const stopWatching = watchCaptureGate((gate) => controller.setGate(gate));
    ctx.onInvalidated(stopWatching);

    // Checked on every scan, not once: the seller center moves between pages without reloading.
    watchAddressBlock(ctx, () => ADDRESS_PAGES.test(location.pathname) && controller.captureAllowed(), (fields) => {
      const orderSn = orderSnFromPageUrl(location.href);
      if (orderSn) controller.onDomAddress(orderSn, fields);
    });
  },
});

function onBody(run: () => void) {
  if (document.body) run();
  else document.addEventListener('DOMContentLoaded', run, { once: true });
}

/** Re-reads the address block (text only) whenever the page changes it, e.g. after "view address". */
function watchAddressBlock(ctx: { onInvalidated: (cb: () => void) => void }, wanted: () => boolean, found: (fields: ReturnType<typeof extractDomAddress>) => void) {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const scan = () => {
    timer = undefined;
    // Not an address page, or not authorized: the DOM is not even read.
    if (!wanted()) return;
    const block = findAddressBlock(document);
    if (block) found(extractDomAddress(block));
  };
  const observer = new MutationObserver(() => {
    if (wanted()) timer ??= setTimeout(scan, DOM_SCAN_DELAY_MS);
  });
  onBody(() => {
    observer.observe(document.body, { childList: true, subtree: true, characterData: true });
    scan();
  });
  ctx.onInvalidated(() => {
    observer.disconnect();
    clearTimeout(timer);
  });
}
