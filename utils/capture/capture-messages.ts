import { z } from '../validation/zod';
import { shopIdSchema } from '../consent/consent-schema';
import { defineMessage } from '../messaging/define-message';

/** What the seller-center content script hands over: the raw page JSON, parsed only in the background. */
/**
 * What a capture is: an API answer the hook saw (order list, address, packages, ship action), the
 * detail page's `window.rawData`, or what the isolated script read from the visible page (an
 * address block, or the order list on a cold load).
 */
export const CAPTURE_KINDS = ['orderList', 'address', 'orderDetail', 'addressDom', 'packages', 'shipAction', 'orderListDom'] as const;
export type CaptureKind = (typeof CAPTURE_KINDS)[number];

export const capturePayloadSchema = z.object({
  kind: z.enum(CAPTURE_KINDS),
  shopId: z.nullable(shopIdSchema),
  /** Page URL without query (query strings may carry order numbers; not needed for parsing). */
  pageUrl: z.string().check(z.maxLength(2000)),
  /**
   * The zone the page asked the seller center to write its time strings in, minutes east of UTC:
   * the request body's `timeZone` ("UTC+8"), else the page URL's `timeZone` parameter. Null when
   * neither says: times are then read at their earliest possible instant and flagged uncertain.
   */
  utcOffsetMinutes: z.nullable(z.number().check(z.int(), z.gte(-720), z.lte(840))),
  /**
   * The response (or rawData / DOM extraction) as JSON text, parsed only in the background. Kept
   * as text so the 5 MB cap is measured on the same bytes at both ends; not length-limited here so
   * an oversized payload reaches the handler and is audited as `too-large`, not dropped silently.
   */
  json: z.string(),
  /** The request's JSON body, where the answer alone does not say what happened (ship action: which orders shipped). */
  requestJson: z._default(z.nullable(z.string().check(z.maxLength(100_000))), null),
  /** Order number the page asked about (request body or URL), for answers that do not name it. */
  orderSnHint: z._default(z.nullable(z.string().check(z.regex(/^[A-Za-z0-9][A-Za-z0-9-]{2,63}$/))), null),
});
export type CapturePayload = z.infer<typeof capturePayloadSchema>;

export interface CaptureResult {
  orders: number;
  items: number;
  addresses: number;
  /** Records skipped with a reason (e.g. masked address, already due for purge). */
  skipped: { reason: string; count: number }[];
}

export interface TabCaptureState {
  onSellerCenter: boolean;
  shopId: string | null;
  authorized: boolean;
}

export const captureMessages = {
  'capture/payload': defineMessage('content', capturePayloadSchema).returns<CaptureResult>(),
  /**
   * The content script refused captures it would not send (over the size cap, or over its per-tab
   * rate limit): audited without a body. `count` merges repeated refusals into one report.
   */
  'capture/rejected': defineMessage(
    'content',
    z.object({
      kind: capturePayloadSchema.shape.kind,
      shopId: z.nullable(shopIdSchema),
      reason: z.enum(['too-large', 'rate-limited']),
      chars: z.number().check(z.int(), z.gte(0)),
      count: z._default(z.number().check(z.int(), z.gte(1), z.lte(1_000_000)), 1),
    }),
  ).returns<void>(),
  /** Popup: capture state of the active tab (the content script reports its shop per tab). */
  'capture/tab-state': defineMessage('page', z.object({ tabId: z.number().check(z.int()) })).returns<TabCaptureState>(),
};
