import type { BackgroundDeps } from '../background-deps';
import type { HandlerTable } from '../messaging/router';
import { correctBuyerPii } from '../vault/buyer-store';
import type { requestMessages } from './request-messages';
import {
  accessData,
  advanceRequest,
  delayRequest,
  deleteRequestData,
  findBuyer,
  linkOrders,
  listRequests,
  readRequestNotes,
  recordCorrection,
  recordRequest,
  saveAccessFile,
} from './request-service';
import { MessageError } from '../messaging/envelope';

export function createRequestHandlers(deps: BackgroundDeps): HandlerTable<typeof requestMessages> {
  return {
    'requests/list': () => listRequests(deps),
    'requests/record': (input, ctx) => recordRequest(deps, input, ctx.actor),
    'requests/notes': ({ ids }, ctx) => readRequestNotes(deps, ids, ctx.actor),
    'requests/advance': ({ id, event }, ctx) => advanceRequest(deps, id, { type: event }, ctx.actor),
    'requests/delay': ({ id, reason, newExpectedAt }, ctx) => delayRequest(deps, id, reason, newExpectedAt, ctx.actor),
    'requests/find-buyer': ({ query }, ctx) => findBuyer(deps, query, ctx.actor),
    'requests/link-orders': ({ id, orderSns }, ctx) => linkOrders(deps, id, orderSns, ctx.actor),
    'requests/access-data': ({ id }, ctx) => accessData(deps, id, ctx.actor),
    'requests/save-access-file': (input, ctx) => saveAccessFile(deps, input, ctx.actor),
    'requests/correct': async ({ id, orderSn, patch }, ctx) => {
      const row = await deps.db.requests.get(id);
      if (!row?.orderSns.includes(orderSn)) throw new MessageError('invalid-request', 'The order is not linked to this request');
      const { changedFields } = await correctBuyerPii(deps, orderSn, patch, ctx.actor, `request:${id}`);
      await recordCorrection(deps, id, orderSn, changedFields);
      return { changedFields };
    },
    'requests/delete-data': ({ id }, ctx) => deleteRequestData(deps, id, ctx.actor),
  };
}
