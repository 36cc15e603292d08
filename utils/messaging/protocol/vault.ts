import { z } from 'zod';
import { defineMessage } from '../define-message';

/** Messages of the vault concern (see docs/architecture.md). */
export const vaultMessages = {
  'vault/ping': defineMessage('page', z.object({})).returns<{ ok: true }>(),
};
