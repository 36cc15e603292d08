import { recordAudit } from '../audit/audit-log';
import type { BackgroundDeps } from '../background/background-deps';
import { grantConsent, readConsent, revokeConsent } from '../consent/consent-adapter';
import { POLICY_VERSION } from '../policy/policy-document';
import { isShopAuthorized } from '../consent/consent-schema';
import { openAuthorizationPage } from '../consent/options-page-adapter';
import type { captureMessages } from './capture-messages';
import type { HandlerTable } from '../messaging/router';
import { readSettings } from '../settings/settings-adapter';
import { capturePayload, type CaptureGate } from './capture-service';
import { summarizeOrders } from '../orders/orders-summary';
import { isSellerCenterUrl } from './seller-center-hosts';
import { readTabShop, readTabUrl, recordTabShop } from './tab-state-adapter';

const defaultGate: CaptureGate = { readConsent, readSettings };

export function createCaptureHandlers(deps: BackgroundDeps, gate: CaptureGate = defaultGate): HandlerTable<typeof captureMessages> {
  return {
    'capture/payload': (payload, ctx) => capturePayload(deps, gate, payload, ctx.actor),

    'capture/rejected': async ({ kind, reason, chars }, ctx) => {
      console.warn(`[seller-vault] capture rejected in the page (${reason}): ${kind}, ${chars} characters`);
      await recordAudit(deps.db, deps.now(), { actor: ctx.actor, action: 'capture.rejected', counts: { chars }, detail: `${kind}:${reason}` });
      await deps.notifyChanged();
    },

    // The content script asks on every page load: also how the popup learns the tab's shop.
    'consent/status': async ({ shopId }, ctx) => {
      const tabId = ctx.sender.tab?.id;
      if (ctx.actor === 'content' && tabId !== undefined) await recordTabShop(tabId, shopId);
      const [consent, settings] = await Promise.all([gate.readConsent(), gate.readSettings()]);
      const authorized = isShopAuthorized(consent, shopId);
      return { shopId, authorized, showBanner: !authorized && settings.showInPageBanner && settings.allowSellerCenterCookies };
    },

    'consent/open-authorization': ({ shopId }) => openAuthorizationPage(shopId),

    'consent/list': async () => Object.values(await gate.readConsent()).sort((a, b) => a.authorizedAt - b.authorizedAt),

    'consent/grant': async ({ shopId, label }, ctx) => {
      const entry = { shopId, label, authorizedAt: deps.now(), policyVersion: POLICY_VERSION };
      await grantConsent(entry);
      await recordAudit(deps.db, deps.now(), { actor: ctx.actor, action: 'consent.grant', detail: `shop:${shopId} policy:${POLICY_VERSION}` });
      await deps.notifyChanged();
      return entry;
    },

    'consent/revoke': async ({ shopId }, ctx) => {
      const removed = await revokeConsent(shopId);
      if (removed) {
        await recordAudit(deps.db, deps.now(), { actor: ctx.actor, action: 'consent.revoke', detail: `shop:${shopId}` });
        await deps.notifyChanged();
      }
      return removed;
    },

    'capture/tab-state': async ({ tabId }) => {
      const [url, shopId, consent] = await Promise.all([readTabUrl(tabId), readTabShop(tabId), gate.readConsent()]);
      const onSellerCenter = isSellerCenterUrl(url);
      const shop = onSellerCenter ? shopId : null;
      return { onSellerCenter, shopId: shop, authorized: isShopAuthorized(consent, shop) };
    },

    'orders/summary': ({ shopId, limit }) => summarizeOrders(deps.db, shopId, limit),
  };
}
