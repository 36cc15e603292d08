import { z } from '../validation/zod';
import { shopIdSchema } from '../consent/consent-schema';
import type { ClearAllResult } from './clear-all';
import type { NoticeView } from './deletion-notices';
import type { PurgeResult } from './purge-service';
import type { NextPurge, RetentionStatus } from './retention-status';
import { defineMessage } from '../messaging/define-message';

/** The viewer's offset east of UTC (minutes), so purge days are grouped by the seller's calendar. */
const utcOffsetMinutes = z.number().check(z.int(), z.gte(-720), z.lte(840));

/** Parent or sub-order numbers as the seller center prints them ("PO-211-…", "211-…"). */
export const orderSnSchema = z.string().check(z.trim(), z.regex(/^[A-Za-z0-9_-]{1,64}$/, 'order number: letters, digits, "-" or "_"'));

export const deletionScopeSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('all') }),
  z.object({ kind: z.literal('shop'), shopId: shopIdSchema }),
  z.object({ kind: z.literal('orders'), orderSns: z.array(orderSnSchema).check(z.minLength(1), z.maxLength(10_000)) }),
]);

export const noticeInputSchema = z.object({
  receivedAt: z.number().check(z.int(), z.positive()),
  scope: deletionScopeSchema,
  /** Marketplace reference (ticket number, subject); not a place for buyer data. */
  reference: z._default(z.string().check(z.trim(), z.maxLength(500)), ''),
});

/** Messages of the retention concern (issue 5). */
export const retentionMessages = {
  'retention/status': defineMessage('page', z.object({ utcOffsetMinutes, days: z._default(z.number().check(z.int(), z.gte(1), z.lte(30)), 5) })).returns<RetentionStatus>(),
  'retention/next': defineMessage('page', z.object({ utcOffsetMinutes })).returns<NextPurge>(),
  'retention/purge-now': defineMessage('page', z.object({})).returns<PurgeResult>(),
  'notices/record': defineMessage('page', noticeInputSchema).returns<NoticeView>(),
  'notices/list': defineMessage('page', z.object({})).returns<NoticeView[]>(),
  'buyers/clear-all': defineMessage(
    'page',
    z.object({ confirmation: z.string().check(z.maxLength(20)), alsoClearOrders: z._default(z.boolean(), false) }),
  ).returns<ClearAllResult>(),
};
