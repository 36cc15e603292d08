import type { BackgroundDeps } from '../background/background-deps';
import type { HandlerTable } from '../messaging/router';
import type { retentionMessages } from '../messaging/protocol/retention';

export function createRetentionHandlers(_deps: BackgroundDeps): HandlerTable<typeof retentionMessages> {
  return {
    'retention/ping': async () => ({ ok: true }),
  };
}
