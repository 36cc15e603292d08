import type { BackgroundDeps } from '../background-deps';
import type { HandlerTable } from '../messaging/router';
import type { incidentMessages } from './incident-messages';
import { advanceIncident, listIncidents, recordIncident, securityContact, setSecurityContact } from './incident-service';

export function createIncidentHandlers(deps: BackgroundDeps): HandlerTable<typeof incidentMessages> {
  return {
    'incidents/list': () => listIncidents(deps),
    'incidents/record': (input, ctx) => recordIncident(deps, input, ctx.actor),
    'incidents/advance': ({ id, event }, ctx) => advanceIncident(deps, id, { type: event }, ctx.actor),
    'incidents/contact': async ({ email }, ctx) => ({ email: email === undefined ? await securityContact(deps) : await setSecurityContact(deps, email, ctx.actor) }),
  };
}
