import type { BackgroundDeps } from '../background-deps';
import type { HandlerTable } from '../messaging/router';
import type { bulkFetchMessages } from './bulk-fetch-messages';
import { planShopBulkFetch, storeBulkFetch } from './bulk-fetch-service';

export function createBulkFetchHandlers(deps: BackgroundDeps): HandlerTable<typeof bulkFetchMessages> {
  return {
    'bulk-fetch/plan': ({ shopId, orderSns }) => planShopBulkFetch(deps, shopId, orderSns),
    'bulk-fetch/store': (input, ctx) => storeBulkFetch(deps, input, ctx.actor),
  };
}
