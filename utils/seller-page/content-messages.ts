import type { captureMessages } from '../capture/capture-messages';
import type { consentMessages } from '../consent/consent-messages';
import type { bulkFetchMessages } from '../bulk-fetch/bulk-fetch-messages';

/**
 * The only messages the seller-center content script sends (all of audience `content`). Types
 * only: the content script bundles no request schema (the background validates every message
 * with zod, utils/messaging/router.ts), and never imports utils/protocol.ts, which gathers every
 * concern's schemas (issue 11: the script loads on every seller-center page).
 */
export const CONTENT_MESSAGE_TYPES = ['capture/payload', 'capture/rejected', 'consent/status', 'consent/open-authorization', 'bulk-fetch/plan', 'bulk-fetch/store'] as const;

export type ContentMessages = Pick<typeof captureMessages, 'capture/payload' | 'capture/rejected'> &
  Pick<typeof consentMessages, 'consent/status' | 'consent/open-authorization'> &
  typeof bulkFetchMessages;
