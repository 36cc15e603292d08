import { recordAudit } from '../audit/audit-log';
import type { BackgroundDeps } from '../background-deps';
import { isShopAuthorized } from '../consent/consent-schema';
import type { HandlerTable } from '../messaging/router';
import type { captureMessages } from './capture-messages';
import { capturePayload } from './capture-service';
import { isSellerCenterUrl } from './seller-center-hosts';

export function createCaptureHandlers(deps: BackgroundDeps): HandlerTable<typeof captureMessages> {
  return {
    'capture/payload': (payload, ctx) => capturePayload(deps, payload, ctx.actor),

    'capture/rejected': async ({ kind, reason, chars }, ctx) => {
      console.warn(`[seller-vault] capture rejected in the page (${reason}): ${kind}, ${chars} characters`);
      await recordAudit(deps.db, deps.now(), { actor: ctx.actor, action: 'capture.rejected', counts: { chars }, detail: `${kind}:${reason}` });
      await deps.notifyChanged();
    },

    'capture/tab-state': async ({ tabId }) => {
      const [url, shopId, consent] = await Promise.all([deps.tabs.readUrl(tabId), deps.tabs.readShop(tabId), deps.consent.read()]);
      const onSellerCenter = isSellerCenterUrl(url);
      const shop = onSellerCenter ? shopId : null;
      return { onSellerCenter, shopId: shop, authorized: isShopAuthorized(consent, shop) };
    },
  };
}
