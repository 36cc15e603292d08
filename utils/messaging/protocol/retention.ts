import { z } from 'zod';
import { defineMessage } from '../define-message';

/** Messages of the retention concern (see docs/architecture.md). */
export const retentionMessages = {
  'retention/ping': defineMessage('page', z.object({})).returns<{ ok: true }>(),
};
