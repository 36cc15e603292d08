import { z } from '../validation/zod';
import { defineMessage } from '../messaging/define-message';
import { shopIdSchema, type ShopConsent } from './consent-schema';

/** What the seller-center content script learns about its shop on every page load. */
export interface ShopCaptureState {
  shopId: string;
  authorized: boolean;
  showBanner: boolean;
}

const shopRequest = z.object({ shopId: shopIdSchema });

/** Messages of the consent concern: per-shop authorization under the current policy version. */
export const consentMessages = {
  'consent/status': defineMessage('content', shopRequest).returns<ShopCaptureState>(),
  /** From the in-page banner: opens the options authorization screen for that shop. */
  'consent/open-authorization': defineMessage('content', shopRequest).returns<void>(),
  'consent/list': defineMessage('page', z.object({})).returns<ShopConsent[]>(),
  'consent/grant': defineMessage('page', z.object({ shopId: shopIdSchema, displayName: z._default(z.string().check(z.maxLength(100)), '') })).returns<ShopConsent>(),
  'consent/revoke': defineMessage('page', shopRequest).returns<boolean>(),
  /**
   * The seller accepts the current policy version after a change was announced: every shop
   * authorized under an older version is authorized under this one (capture resumes).
   */
  'consent/accept-policy': defineMessage('page', z.object({ version: z.string().check(z.maxLength(20)) })).returns<ShopConsent[]>(),
};
