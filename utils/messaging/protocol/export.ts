import { z } from 'zod';
import { defineMessage } from '../define-message';

/** Messages of the export concern (see docs/architecture.md). */
export const exportMessages = {
  'export/ping': defineMessage('page', z.object({})).returns<{ ok: true }>(),
};
