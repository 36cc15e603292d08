import type { BackgroundDeps } from '../background/background-deps';
import type { HandlerTable } from '../messaging/router';
import type { exportMessages } from '../messaging/protocol/export';

export function createExportHandlers(_deps: BackgroundDeps): HandlerTable<typeof exportMessages> {
  return {
    'export/ping': async () => ({ ok: true }),
  };
}
