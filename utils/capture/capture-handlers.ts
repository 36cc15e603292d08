import type { BackgroundDeps } from '../background-deps';
import { isShopAuthorized } from '../consent/consent-schema';
import { MessageError } from '../messaging/envelope';
import type { HandlerTable } from '../messaging/router';
import type { captureMessages } from './capture-messages';
import { capturePayload } from './capture-service';
import { createRateLimiter, createRejectionLog } from './rejection-log';
import { isSellerCenterUrl } from './seller-center-hosts';

/**
 * Per-tab capture budget in the background, behind the page's own (60 per 10 s): a real orders
 * page makes a few API calls a second at most, so 120 per 10 s only stops floods (issue 10).
 */
const TAB_CAPTURES_PER_WINDOW = 120;
const TAB_WINDOW_MS = 10_000;

export function createCaptureHandlers(deps: BackgroundDeps): HandlerTable<typeof captureMessages> {
  const rejections = createRejectionLog(deps);
  const tabBudget = createRateLimiter(TAB_CAPTURES_PER_WINDOW, TAB_WINDOW_MS);
  return {
    'capture/payload': async (payload, ctx) => {
      // The budget is per seller-center tab: the pages a hostile script can drive. Extension pages
      // (our own code) have no tab and are not limited.
      const tabId = ctx.sender.tab?.id;
      if (tabId !== undefined && !tabBudget.allow(String(tabId), deps.now())) {
        await rejections.record(payload.kind, 'rate-limited', payload.json.length, ctx.actor);
        throw new MessageError('invalid-request', 'rate-limited: too many captures from this tab; wait a few seconds');
      }
      return capturePayload(deps, payload, ctx.actor, rejections);
    },

    'capture/rejected': async ({ kind, reason, chars, count }, ctx) => {
      console.warn(`[seller-vault] capture rejected in the page (${reason}): ${kind}, ${count} × ${chars} characters`);
      await rejections.record(kind, reason, chars, ctx.actor, count);
    },

    'capture/tab-state': async ({ tabId }) => {
      const [url, shopId, consent] = await Promise.all([deps.tabs.readUrl(tabId), deps.tabs.readShop(tabId), deps.consent.read()]);
      const onSellerCenter = isSellerCenterUrl(url);
      const shop = onSellerCenter ? shopId : null;
      return { onSellerCenter, shopId: shop, authorized: isShopAuthorized(consent, shop) };
    },
  };
}
