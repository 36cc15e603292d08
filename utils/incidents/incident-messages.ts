import { z } from 'zod';
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
const text = (max: number) => z.string().trim().max(max);

export const incidentMessages = {
  'incidents/list': defineMessage('page', z.object({})).returns<IncidentView[]>(),
  'incidents/record': defineMessage(
    'page',
    z.object({
      detectedAt: z.number().int().positive(),
      summary: text(2000).min(1),
      dataCategories: z.array(z.enum(INCIDENT_DATA_CATEGORIES)).max(INCIDENT_DATA_CATEGORIES.length).default([]),
      affectedOrderSns: z.array(orderSnSchema).max(10_000).default([]),
      actionsTaken: text(2000).default(''),
      shopIds: z.array(shopIdSchema).max(50).default([]),
    }),
  ).returns<IncidentView>(),
  'incidents/advance': defineMessage('page', z.object({ id: z.number().int().positive(), event: z.enum(['report', 'resolve']) })).returns<IncidentView>(),
  /** Where incident reports go (the marketplace security contact). */
  'incidents/contact': defineMessage('page', z.object({ email: z.union([z.literal(''), z.email().max(320)]).optional() })).returns<{ email: string }>(),
};
