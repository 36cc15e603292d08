import { recordAudit } from '../audit/audit-log';
import type { BackgroundDeps } from '../background-deps';
import type { HandlerTable } from '../messaging/router';
import { MessageError } from '../messaging/envelope';
import { POLICY_VERSION } from '../policy/policy-document';
import type { consentMessages } from './consent-messages';
import { isShopAuthorized } from './consent-schema';

/** At most one authorization tab per this many ms, whoever asks (a page script cannot open tabs in a loop). */
const OPEN_AUTHORIZATION_INTERVAL_MS = 10_000;

export function createConsentHandlers(deps: BackgroundDeps): HandlerTable<typeof consentMessages> {
  let lastOpenedAt = Number.NEGATIVE_INFINITY;
  return {
    // The content script asks on every page load: also how the popup learns the tab's shop.
    'consent/status': async ({ shopId }, ctx) => {
      const tabId = ctx.sender.tab?.id;
      if (ctx.actor === 'content' && tabId !== undefined) await deps.tabs.recordShop(tabId, shopId);
      const [consent, settings] = await Promise.all([deps.consent.read(), deps.settings.read()]);
      const authorized = isShopAuthorized(consent, shopId);
      return { shopId, authorized, showBanner: !authorized && settings.showInPageBanner && settings.allowSellerCenterCookies };
    },

    'consent/open-authorization': async ({ shopId }) => {
      const now = deps.now();
      if (now - lastOpenedAt < OPEN_AUTHORIZATION_INTERVAL_MS) return;
      lastOpenedAt = now;
      await deps.tabs.openAuthorization(shopId);
    },

    'consent/list': async () => Object.values(await deps.consent.read()).sort((a, b) => a.authorizedAt - b.authorizedAt),

    'consent/grant': async ({ shopId, displayName }, ctx) => {
      const entry = { shopId, displayName, authorizedAt: deps.now(), policyVersion: POLICY_VERSION };
      await deps.consent.grant(entry);
      await recordAudit(deps.db, deps.now(), { actor: ctx.actor, action: 'consent.grant', detail: `shop:${shopId} policy:${POLICY_VERSION}` });
      await deps.notifyChanged();
      return entry;
    },

    'consent/accept-policy': async ({ version }, ctx) => {
      // The page names the version it showed: an acceptance of a text the seller did not see is refused.
      if (version !== POLICY_VERSION) throw new MessageError('conflict', `The current policy is version ${POLICY_VERSION}, not ${version}`);
      const outdated = Object.values(await deps.consent.read()).filter((c) => c.policyVersion !== POLICY_VERSION);
      const now = deps.now();
      const renewed = outdated.map((c) => ({ ...c, authorizedAt: now, policyVersion: POLICY_VERSION }));
      for (const entry of renewed) await deps.consent.grant(entry);
      if (renewed.length > 0) {
        await recordAudit(deps.db, now, { actor: ctx.actor, action: 'consent.accept-policy', counts: { shops: renewed.length }, detail: `policy:${POLICY_VERSION}` });
        await deps.notifyChanged();
      }
      return renewed;
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
