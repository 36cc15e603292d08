import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { createAuditHandlers } from '../utils/audit/audit-handlers';
import type { BackgroundDeps } from '../utils/background-deps';
import { browserPorts } from '../utils/browser-ports-adapter';
import { createCaptureHandlers } from '../utils/capture/capture-handlers';
import { createConsentHandlers } from '../utils/consent/consent-handlers';
import { AppDb } from '../utils/db/app-db';
import { createExportHandlers } from '../utils/export-jobs/export-handlers';
import { createMessageRouter, type HandlerTable } from '../utils/messaging/router';
import { registerOnboarding } from '../utils/onboarding/onboarding-listeners';
import { createOrdersHandlers } from '../utils/orders/orders-handlers';
import { bumpRevision } from '../utils/page-sync/revision-adapter';
import { protocol } from '../utils/protocol';
import { createRetentionHandlers } from '../utils/retention/retention-handlers';
import { registerRetention } from '../utils/retention/retention-listeners';
import { createSettingsHandlers } from '../utils/settings/settings-handlers';
import { createVaultHandlers } from '../utils/vault/vault-handlers';
import { registerVaultLifecycle } from '../utils/vault/vault-lifecycle-listeners';

/** Composition root: every background service is built and wired here, and only here. */
export default defineBackground(() => {
  const deps: BackgroundDeps = {
    ...browserPorts,
    db: new AppDb(),
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
    ...createConsentHandlers(deps),
    ...createOrdersHandlers(deps),
    ...createExportHandlers(deps),
    ...createVaultHandlers(deps),
    ...createAuditHandlers(deps),
    ...createRetentionHandlers(deps),
    ...createSettingsHandlers(deps),
  };
  const route = createMessageRouter(protocol, handlers, {
    extensionId: browser.runtime.id,
    extensionOrigin: browser.runtime.getURL('/'),
  });
  // Registered synchronously so a message that wakes the worker is not missed.
  browser.runtime.onMessage.addListener((message, sender) => route(message, sender));
  registerVaultLifecycle(deps);
  registerOnboarding();
});
