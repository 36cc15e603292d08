import type { BackgroundDeps } from '../background-deps';
import type { retentionMessages } from './retention-messages';
import type { HandlerTable } from '../messaging/router';
import { clearAllBuyerData } from './clear-all';
import { listDeletionNotices, recordDeletionNotice } from './deletion-notices';
import { purgeDueBuyers } from './purge-service';
import { readNextPurge, readRetentionStatus } from './retention-status';

export function createRetentionHandlers(deps: BackgroundDeps): HandlerTable<typeof retentionMessages> {
  // Reads purge first: a status never counts PII that is already due.
  const purgeBeforeRead = () => purgeDueBuyers(deps, { trigger: 'read' });
  return {
    'retention/status': async ({ utcOffsetMinutes, days }) => {
      await purgeBeforeRead();
      return readRetentionStatus(deps, utcOffsetMinutes, days);
    },
    'retention/next': async ({ utcOffsetMinutes }) => {
      await purgeBeforeRead();
      return readNextPurge(deps, utcOffsetMinutes);
    },
    // The answer comes once the due PII is unrecoverable; order facts follow in the same queue.
    'retention/purge-now': (_data, ctx) => purgeDueBuyers(deps, { actor: ctx.actor, trigger: 'manual', answerWhenErased: true }),
    'notices/record': (input, ctx) => recordDeletionNotice(deps, input, ctx.actor),
    'notices/list': async () => {
      await purgeBeforeRead();
      return listDeletionNotices(deps);
    },
    'buyers/clear-all': (request, ctx) => clearAllBuyerData(deps, request, ctx.actor),
  };
}
