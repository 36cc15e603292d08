import type { BackgroundDeps } from '../background-deps';
import type { HandlerTable } from '../messaging/router';
import type { openApiMessages } from './open-api-messages';
import { checkOpenApiToken, connectOpenApi, disconnectOpenApi, getOpenApiStatus, syncOpenApi } from './open-api-service';

export function createOpenApiHandlers(deps: BackgroundDeps): HandlerTable<typeof openApiMessages> {
  return {
    'open-api/status': () => getOpenApiStatus(deps),
    'open-api/test': (input) => checkOpenApiToken(deps, input),
    'open-api/connect': (input, ctx) => connectOpenApi(deps, input, ctx.actor),
    'open-api/disconnect': (_data, ctx) => disconnectOpenApi(deps, ctx.actor),
    // A manual sync needs the vault unlocked (it answers `locked` otherwise), so it always has a report.
    'open-api/sync': async (_data, ctx) => (await syncOpenApi(deps, ctx.actor, 'manual'))!,
  };
}
