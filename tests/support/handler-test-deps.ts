import type { BackgroundDeps } from '../../utils/background-deps';
import { browserPorts } from '../../utils/browser-ports-adapter';
import { AppDb } from '../../utils/db/app-db';

/** Handler tests: a fresh database, a fixed clock, the browser ports over fakeBrowser, and a count of notifyChanged calls. */
export interface HandlerTestDeps extends BackgroundDeps {
  notified: number;
}

export function makeHandlerDeps(now: number): HandlerTestDeps {
  const deps: HandlerTestDeps = {
    ...browserPorts,
    db: new AppDb(`test-${crypto.randomUUID()}`),
    now: () => now,
    notified: 0,
    notifyChanged: async () => {
      deps.notified++;
    },
  };
  return deps;
}
