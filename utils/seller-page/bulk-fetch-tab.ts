import { bulkFetchRefusal } from '../bulk-fetch/bulk-fetch-gate';
import type { BulkFetchPlanReply, BulkFetchStoreInput, BulkFetchStoreReply } from '../bulk-fetch/bulk-fetch-messages';
import { isShopAuthorized } from '../consent/consent-read';
import { type BulkFetchStart, type BulkFetchStatus, createBulkFetchRunner } from './bulk-fetch-runner';
import type { BulkFetchTabReply, BulkFetchTabRequest } from './bulk-fetch-tab-commands';
import type { PageConsentState } from './page-capture-controller';
import { createSessionClient } from './session-client';

export interface BulkFetchTabIO {
  secret: string;
  /** The bridge's post to the hook (false while no port is acknowledged). */
  postToHook: (message: object) => boolean;
  shopId: () => string | null;
  plan: (shopId: string, orderSns: string[] | null) => Promise<BulkFetchPlanReply>;
  store: (input: BulkFetchStoreInput) => Promise<BulkFetchStoreReply>;
  setTimer: (fn: () => void, ms: number) => void;
  now: () => number;
  onChange: (status: BulkFetchStatus) => void;
}

/**
 * The seller-center tab's side of bulk fetch (issue 12): the session client (requests through the
 * MAIN-world hook), the runner, and the answers to the popup's commands. A batch stops at once
 * when the seller withdraws what it relies on (cookie use, bulk fetch, the shop's authorization).
 */
export function createBulkFetchTab(io: BulkFetchTabIO) {
  const session = createSessionClient({ secret: io.secret, post: io.postToHook, setTimer: io.setTimer });
  const runner = createBulkFetchRunner({
    plan: io.plan,
    request: session.request,
    store: io.store,
    now: io.now,
    sleep: (ms) => new Promise((resolve) => io.setTimer(resolve, ms)),
    onChange: io.onChange,
  });

  const start = (options: Omit<BulkFetchStart, 'shopId'>): BulkFetchStatus => {
    const shopId = io.shopId();
    if (!shopId) return runner.status;
    return runner.start({ ...options, shopId });
  };

  return {
    runner,
    start,
    onHookMessage: session.onHookMessage,
    handleCommand(request: BulkFetchTabRequest): BulkFetchTabReply {
      const status = request.type === 'start' ? start(request) : request.type === 'cancel' ? runner.cancel() : runner.status;
      return { shopId: io.shopId(), status };
    },
    onConsentState(state: PageConsentState) {
      const shopId = io.shopId();
      const refusal = bulkFetchRefusal({
        allowSellerCenterCookies: state.settings.allowSellerCenterCookies,
        allowBulkAddressFetch: state.settings.allowBulkAddressFetch,
        shopId,
        shopAuthorized: isShopAuthorized(state.consent, shopId),
        vaultExists: true,
      });
      if (refusal) runner.cancel();
    },
  };
}
