import type { BackgroundDeps } from '../background/background-deps';
import type { retentionMessages } from './retention-messages';
import type { HandlerTable } from '../messaging/router';
import { clearAllBuyerData } from './clear-all';
import { listDeletionNotices, recordDeletionNotice } from './deletion-notices';
import { downloadsFileRemover } from './downloads-adapter';
import { purgeDueBuyers } from './purge-service';
import type { RetentionPorts } from './retention-services';
import { readNextPurge, readRetentionStatus } from './retention-status';
import { clearSessionCaches, listSessionCacheKeys } from './session-cache-adapter';

const browserPorts: RetentionPorts = {
  files: downloadsFileRemover,
  sessionCaches: { list: listSessionCacheKeys, clear: clearSessionCaches },
};

export function createRetentionHandlers(deps: BackgroundDeps, ports: RetentionPorts = browserPorts): HandlerTable<typeof retentionMessages> {
  // Reads purge first: a status never counts PII that is already due.
  const purgeBeforeRead = () => purgeDueBuyers(deps, { files: ports.files, trigger: 'read' });
  return {
    'retention/status': async ({ tzOffsetMinutes, days }) => {
      await purgeBeforeRead();
      return readRetentionStatus(deps, tzOffsetMinutes, days);
    },
    'retention/next': async ({ tzOffsetMinutes }) => {
      await purgeBeforeRead();
      return readNextPurge(deps, tzOffsetMinutes);
    },
    'retention/purge-now': (_data, ctx) => purgeDueBuyers(deps, { files: ports.files, actor: ctx.actor, trigger: 'manual' }),
    'notices/record': (input, ctx) => recordDeletionNotice(deps, input, ports, ctx.actor),
    'notices/list': async () => {
      await purgeBeforeRead();
      return listDeletionNotices(deps, ports);
    },
    'buyers/clear-all': (request, ctx) => clearAllBuyerData(deps, request, ports, ctx.actor),
  };
}
