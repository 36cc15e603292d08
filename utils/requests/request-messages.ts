import { z } from '../validation/zod';
import type { RequestRecord } from '../db/records';
import { defineMessage } from '../messaging/define-message';
import { orderSnSchema } from '../retention/retention-messages';
import { buyerPiiSchema, type BuyerPii } from '../vault/buyer-pii';
import type { RequestNotes } from '../vault/request-notes';
import type { AccessAnswer } from './access-export';
import type { MatchedOn } from './buyer-match';
import { REQUEST_KINDS, type RequestOutcome, type RequestStep, type Urgency } from './request-deadlines';

/** A request as every page shows it: timeline, deadlines and outcome; no personal data. */
export interface RequestView {
  id: number;
  kind: RequestRecord['kind'];
  state: RequestRecord['state'];
  receivedAt: number;
  verifiedAt: number | null;
  closedAt: number | null;
  verifyDueAt: number;
  completeDueAt: number;
  /** Policy deadline of the next step; null once closed. */
  next: { step: RequestStep; dueAt: number } | null;
  /** The time now worked to (policy, or a later time told to the buyer). */
  working: { step: RequestStep; dueAt: number } | null;
  urgency: Urgency;
  outcome: RequestOutcome;
  delay: RequestRecord['delay'];
  orderSns: string[];
  actions: RequestRecord['actions'];
  /** The sealed notes cannot be opened after this time. */
  notesExpireAt: number;
}

export interface BuyerMatch {
  orderSn: string;
  shopId: string;
  matchedOn: MatchedOn;
  pii: BuyerPii;
}

const requestId = z.number().check(z.int(), z.positive());
const at = z.number().check(z.int(), z.positive());

export const requestMessages = {
  'requests/list': defineMessage('page', z.object({})).returns<RequestView[]>(),
  /** Records a request received by email; contact and details are sealed at once (works while locked). */
  'requests/record': defineMessage(
    'page',
    z.object({
      kind: z.enum(REQUEST_KINDS),
      receivedAt: at,
      contact: z.string().check(z.trim(), z.minLength(1), z.maxLength(320)),
      details: z._default(z.string().check(z.maxLength(2000)), ''),
    }),
  ).returns<RequestView>(),
  /** Opens the sealed notes (unlocked; audited). */
  'requests/notes': defineMessage('page', z.object({ ids: z.array(requestId).check(z.maxLength(200)) })).returns<Record<number, RequestNotes | null>>(),
  'requests/advance': defineMessage('page', z.object({ id: requestId, event: z.enum(['verify', 'complete', 'decline']) })).returns<RequestView>(),
  /** A deadline cannot be met: the reason (sealed) and the new expected time. */
  'requests/delay': defineMessage(
    'page',
    z.object({ id: requestId, reason: z.string().check(z.trim(), z.minLength(1), z.maxLength(1000)), newExpectedAt: at }),
  ).returns<RequestView>(),
  /** Finds stored buyers by order number, name, phone or email (unlocked; every address opened is audited). */
  'requests/find-buyer': defineMessage('page', z.object({ query: z.string().check(z.trim(), z.minLength(2), z.maxLength(320)) })).returns<{
    matches: BuyerMatch[];
    searched: number;
  }>(),
  'requests/link-orders': defineMessage('page', z.object({ id: requestId, orderSns: z.array(orderSnSchema).check(z.maxLength(500)) })).returns<RequestView>(),
  /** The linked orders' data for an access answer (unlocked; audited). */
  'requests/access-data': defineMessage('page', z.object({ id: requestId })).returns<AccessAnswer>(),
  /** Saves the access file a page made and tracks it, so it is deleted with the data it holds. */
  'requests/save-access-file': defineMessage(
    'page',
    z.object({
      id: requestId,
      url: z.string().check(z.startsWith('blob:'), z.maxLength(300)),
      fileName: z.string().check(z.minLength(1), z.maxLength(255)),
      format: z.enum(['access-json', 'access-csv']),
    }),
  ).returns<{ downloadId: number; exportId: number }>(),
  /** Corrects one linked order's stored buyer fields (re-sealed; audited with field names only). */
  'requests/correct': defineMessage('page', z.object({ id: requestId, orderSn: orderSnSchema, patch: z.partial(buyerPiiSchema) })).returns<{ changedFields: string[] }>(),
  /** Deletes the linked orders' buyer data and tracked files now (the eraser the purge uses). */
  'requests/delete-data': defineMessage('page', z.object({ id: requestId })).returns<{ deletedBuyers: number; removedFiles: number }>(),
};
