import { z } from '../validation/zod';
import { defineMessage } from '../messaging/define-message';
import type { EvidenceReport } from './evidence-pack';

export const complianceMessages = {
  /** The evidence pack's facts (no buyer personal data); the page adds the records of processing, renders the PDF and saves both files. */
  'evidence/collect': defineMessage('page', z.object({ utcOffsetMinutes: z.number().check(z.int(), z.gte(-720), z.lte(840)) })).returns<EvidenceReport>(),
  /** What the toolbar badge counts now (also refreshes it). */
  'compliance/signals': defineMessage('page', z.object({})).returns<{ badgeCount: number }>(),
};
