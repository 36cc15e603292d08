import { z } from '../validation/zod';
import { shopIdSchema } from '../consent/consent-schema';
import { defineMessage } from '../messaging/define-message';
import type { BulkFetchRefusal } from './bulk-fetch-gate';
import { MAX_BATCH_ORDERS } from './bulk-fetch-plan';
import { STOP_REASONS } from './session-answer';

const orderSnSchema = z.string().check(z.regex(/^[A-Za-z0-9][A-Za-z0-9-]{2,63}$/));
/** One address answer is a few hundred bytes; anything near this is not an address. */
export const MAX_ANSWER_CHARS = 100_000;

export interface BulkFetchPlanReply {
  /** null: the batch may run; else why not (the button shows it). */
  refusal: BulkFetchRefusal | null;
  /** Orders to fetch (order numbers are not personal data). */
  orderSns: string[];
  overLimit: number;
}

export const bulkFetchStoreSchema = z.object({
  shopId: shopIdSchema,
  /** The seller's reason for viewing, posted with every order's note (`noteReasonType`). */
  reasonType: z.number().check(z.int(), z.gte(1), z.lte(99)),
  requested: z.number().check(z.int(), z.gte(0), z.lte(MAX_BATCH_ORDERS)),
  /** The address answers the page got, as JSON text (parsed here, by the one ingest path). */
  answers: z.array(z.object({ orderSn: orderSnSchema, json: z.string().check(z.maxLength(MAX_ANSWER_CHARS)) })).check(z.maxLength(MAX_BATCH_ORDERS)),
  stoppedBy: z.nullable(z.enum(STOP_REASONS)),
  cancelled: z.boolean(),
  notAttempted: z.number().check(z.int(), z.gte(0), z.lte(MAX_BATCH_ORDERS)),
});
export type BulkFetchStoreInput = z.infer<typeof bulkFetchStoreSchema>;

export interface BulkFetchStoreReply {
  stored: number;
  /** Stored beside a different address already held (waits for the seller). */
  changed: number;
  /** The seller center answered "****": never stored. */
  masked: number;
  /** Answers the parser refused (shape, another order, not an address). */
  invalid: number;
  /** Other reasons nothing was written (already due, unchanged, no vault…). */
  skipped: { reason: string; count: number }[];
}

export const bulkFetchMessages = {
  /** Popup and the seller-center tab: may a batch run for this shop, and which orders would it ask about. */
  'bulk-fetch/plan': defineMessage(
    'content',
    z.object({ shopId: z.nullable(shopIdSchema), orderSns: z._default(z.nullable(z.array(orderSnSchema).check(z.maxLength(100_000))), null) }),
  ).returns<BulkFetchPlanReply>(),
  /** The seller-center tab, once per batch (finished, stopped or cancelled): the answers it got. */
  'bulk-fetch/store': defineMessage('content', bulkFetchStoreSchema).returns<BulkFetchStoreReply>(),
};
