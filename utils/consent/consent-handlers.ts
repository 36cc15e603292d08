import { recordAudit } from '../audit/audit-log';
import type { BackgroundDeps } from '../background-deps';
import type { HandlerTable } from '../messaging/router';
import { POLICY_VERSION } from '../policy/policy-document';
import type { consentMessages } from './consent-messages';
import { isShopAuthorized } from './consent-schema';

export function createConsentHandlers(deps: BackgroundDeps): HandlerTable<typeof consentMessages> {
  return {
    // The content script asks on every page load: also how the popup learns the tab's shop.
    'consent/status': async ({ shopId }, ctx) => {
      const tabId = ctx.sender.tab?.id;
      if (ctx.actor === 'content' && tabId !== undefined) await deps.tabs.recordShop(tabId, shopId);
      const [consent, settings] = await Promise.all([deps.consent.read(), deps.settings.read()]);
      const authorized = isShopAuthorized(consent, shopId);
      return { shopId, authorized, showBanner: !authorized && settings.showInPageBanner && settings.allowSellerCenterCookies };
    },

    'consent/open-authorization': ({ shopId }) => deps.tabs.openAuthorization(shopId),

    'consent/list': async () => Object.values(await deps.consent.read()).sort((a, b) => a.authorizedAt - b.authorizedAt),

    'consent/grant': async ({ shopId, displayName }, ctx) => {
      const entry = { shopId, displayName, authorizedAt: deps.now(), policyVersion: POLICY_VERSION };
      await deps.consent.grant(entry);
      await recordAudit(deps.db, deps.now(), { actor: ctx.actor, action: 'consent.grant', detail: `shop:${shopId} policy:${POLICY_VERSION}` });
      await deps.notifyChanged();
      return entry;
    },

    'consent/revoke': async ({ shopId }, ctx) => {
      const removed = await deps.consent.revoke(shopId);
      if (removed) {
        await recordAudit(deps.db, deps.now(), { actor: ctx.actor, action: 'consent.revoke', detail: `shop:${shopId}` });
        await deps.notifyChanged();
      }
      return removed;
    },
  };
}
