import { z } from '../validation/zod';
import { shopIdSchema } from '../consent/consent-schema';
import type { IncidentRecord } from '../db/records';
import { defineMessage } from '../messaging/define-message';
import { orderSnSchema } from '../retention/retention-messages';
import { INCIDENT_DATA_CATEGORIES, type IncidentOutcome } from './incident-deadlines';

export interface IncidentView extends Omit<IncidentRecord, 'id' | 'openedAt' | 'reportDueAt'> {
  id: number;
  detectedAt: number;
  dueAt: number;
  outcome: IncidentOutcome;
  /** The report email, pre-filled (English). */
  email: { to: string; subject: string; body: string; mailto: string };
}

/** Free text about an incident: no buyer data by rule (the form says so); length-capped. */
const text = (max: number) => z.string().check(z.trim(), z.maxLength(max));

export const incidentMessages = {
  'incidents/list': defineMessage('page', z.object({})).returns<IncidentView[]>(),
  'incidents/record': defineMessage(
    'page',
    z.object({
      detectedAt: z.number().check(z.int(), z.positive()),
      summary: text(2000).check(z.minLength(1)),
      dataCategories: z._default(z.array(z.enum(INCIDENT_DATA_CATEGORIES)).check(z.maxLength(INCIDENT_DATA_CATEGORIES.length)), []),
      affectedOrderSns: z._default(z.array(orderSnSchema).check(z.maxLength(10_000)), []),
      actionsTaken: z._default(text(2000), ''),
      shopIds: z._default(z.array(shopIdSchema).check(z.maxLength(50)), []),
    }),
  ).returns<IncidentView>(),
  'incidents/advance': defineMessage('page', z.object({ id: z.number().check(z.int(), z.positive()), event: z.enum(['report', 'resolve']) })).returns<IncidentView>(),
  /** Where incident reports go (the marketplace security contact). */
  'incidents/contact': defineMessage('page', z.object({ email: z.optional(z.union([z.literal(''), z.email().check(z.maxLength(320))])) })).returns<{ email: string }>(),
};
