import { z } from 'zod';
import { defineMessage } from '../messaging/define-message';
import type { EvidencePack } from './evidence-pack';

export const complianceMessages = {
  /** The evidence pack's facts (no buyer personal data); the page renders the PDF and saves both files. */
  'evidence/collect': defineMessage('page', z.object({ utcOffsetMinutes: z.number().int().min(-720).max(840) })).returns<EvidencePack>(),
  /** What the toolbar badge counts now (also refreshes it). */
  'compliance/signals': defineMessage('page', z.object({})).returns<{ badgeCount: number }>(),
};
