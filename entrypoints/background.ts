import { browser } from 'wxt/browser';
import { bumpRevision } from '../utils/background/revision-adapter';
import type { BackgroundDeps } from '../utils/background/background-deps';
import { createCaptureHandlers } from '../utils/capture/capture-handlers';
import { AppDb } from '../utils/db/app-db';
import { createExportHandlers } from '../utils/export-jobs/export-handlers';
import { protocol } from '../utils/protocol';
import { createMessageRouter, type HandlerTable } from '../utils/messaging/router';
import { createRetentionHandlers } from '../utils/retention/retention-handlers';
import { registerRetention } from '../utils/retention/retention-triggers-adapter';
import { createSettingsHandlers } from '../utils/settings/settings-handlers';
import { createVaultHandlers } from '../utils/vault/vault-handlers';
import { registerVaultLifecycle } from '../utils/vault/vault-lifecycle-adapter';

/** Composition root: every background service is built and wired here, and only here. */
export default defineBackground(() => {
  const db = new AppDb();
  const deps: BackgroundDeps = {
    db,
    now: () => Date.now(),
    notifyChanged: async () => {
      await bumpRevision();
      await retention.rearm();
    },
  };
  // Alarms, install/startup, wake and retentionDays triggers (issue 5); rearm runs after every write.
  const retention = registerRetention(deps);

  const handlers: HandlerTable<typeof protocol> = {
    ...createCaptureHandlers(deps),
    ...createVaultHandlers(deps),
    ...createRetentionHandlers(deps),
    ...createExportHandlers(deps),
    ...createSettingsHandlers(deps),
  };
  const route = createMessageRouter(protocol, handlers, {
    extensionId: browser.runtime.id,
    extensionOrigin: browser.runtime.getURL('/'),
  });
  // Registered synchronously so a message that wakes the worker is not missed.
  browser.runtime.onMessage.addListener((message, sender) => route(message, sender));
  registerVaultLifecycle(deps);
});
