import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { createAuditHandlers } from '../utils/audit/audit-handlers';
import { createAuditHeadTracker } from '../utils/audit/audit-log';
import { createComplianceHandlers } from '../utils/compliance/compliance-handlers';
import { registerCompliance } from '../utils/compliance/compliance-listeners';
import { createIncidentHandlers } from '../utils/incidents/incident-handlers';
import { createRequestHandlers } from '../utils/requests/request-handlers';
import type { BackgroundDeps } from '../utils/background-deps';
import { browserPorts } from '../utils/browser-ports-adapter';
import { createBulkFetchHandlers } from '../utils/bulk-fetch/bulk-fetch-handlers';
import { createCaptureHandlers } from '../utils/capture/capture-handlers';
import { createConsentHandlers } from '../utils/consent/consent-handlers';
import { AppDb } from '../utils/db/app-db';
import { reconcileExportDownloads } from '../utils/export-jobs/download-reconcile-service';
import { createExportHandlers, markPendingExportOrders } from '../utils/export-jobs/export-handlers';
import { createMessageRouter, type HandlerTable } from '../utils/messaging/router';
import { createOpenApiHandlers } from '../utils/open-api/open-api-handlers';
import { registerOpenApiSync } from '../utils/open-api/open-api-listeners';
import { registerOnboarding } from '../utils/onboarding/onboarding-listeners';
import { createOrdersHandlers } from '../utils/orders/orders-handlers';
import { bumpRevision } from '../utils/page-sync/revision-adapter';
import { protocol } from '../utils/protocol';
import { createRetentionHandlers } from '../utils/retention/retention-handlers';
import { registerRetention } from '../utils/retention/retention-listeners';
import { createSettingsHandlers } from '../utils/settings/settings-handlers';
import { runtimeUtcOffsetMinutes } from '../utils/time/local-day';
import { opfsShredKeyStore } from '../utils/shred/opfs-shred-files-adapter';
import { createShipByAlerts } from '../utils/ship-by-alerts/ship-by-alerts';
import { registerShipByAlerts } from '../utils/ship-by-alerts/ship-by-alerts-listeners';
import { createStorageFullAlert } from '../utils/storage-health/storage-full-alert-adapter';
import { registerMirrorGuard } from '../utils/storage-trust/mirror-guard-listeners';
import { createVaultHandlers } from '../utils/vault/vault-handlers';
import { registerVaultLifecycle } from '../utils/vault/vault-lifecycle-listeners';

/** Composition root: every background service is built and wired here, and only here. */
export default defineBackground(() => {
  // Downloads started before this instant belong to an earlier worker (issue 16 reconcile below).
  const workerStartedAt = Date.now();
  const db = new AppDb();
  const deps: BackgroundDeps = {
    ...browserPorts,
    db,
    shredKeys: opfsShredKeyStore(db),
    now: () => Date.now(),
    notifyChanged: async () => {
      await bumpRevision();
      await retention.rearm();
      shipBy.refreshSoon();

      await compliance.refresh();
    },
  };
  // The audit chain head follows every committed audit entry, outside the log (issue 13).
  const auditHead = createAuditHeadTracker(deps.db, deps.auditHead);
  deps.db.onAuditCommitted(() => void auditHead.committed());
  // Alarms, install/startup, wake and retentionDays triggers (issue 5); rearm runs after every write.
  const retention = registerRetention(deps);
  // Toolbar badge of orders due today or overdue, morning notice (issue 14); recounted after writes.
  const shipBy = registerShipByAlerts(createShipByAlerts(deps, () => runtimeUtcOffsetMinutes()));

  // Request and incident deadlines: badge, notifications, audit pruning (issue 13).
  const compliance = registerCompliance(deps);

  const handlers: HandlerTable<typeof protocol> = {
    ...createCaptureHandlers(deps),
    ...createBulkFetchHandlers(deps),
    ...createConsentHandlers(deps),
    ...createOrdersHandlers(deps),
    ...createExportHandlers(deps),
    ...createVaultHandlers(deps),
    ...createAuditHandlers(deps),
    ...createRetentionHandlers(deps),
    ...createSettingsHandlers(deps),
    ...createOpenApiHandlers(deps),

    ...createRequestHandlers(deps),
    ...createIncidentHandlers(deps),
    ...createComplianceHandlers(deps),
  };
  // Storage full or failing (issue 16): the seller gets a localized notification (captures come
  // from the seller-center tab, where no extension page shows the refusal).
  const storageFull = createStorageFullAlert(deps.now);
  const route = createMessageRouter(
    protocol,
    handlers,
    { extensionId: browser.runtime.id, extensionOrigin: browser.runtime.getURL('/') },
    {
      onStorageFailure: () => {
        storageFull.notify().catch((err) => console.error('[seller-vault] storage-full notice failed', err));
      },
    },
  );
  // Registered synchronously so a message that wakes the worker is not missed.
  browser.runtime.onMessage.addListener((message, sender) => route(message, sender));
  registerVaultLifecycle(deps);
  registerOpenApiSync(deps);

  // Consent and settings: content scripts can write their storage.local mirrors, never the trusted copies (issue 16).
  registerMirrorGuard(deps);
  registerOnboarding();
  // An export tracked just before the worker stopped may still have its orders to mark (issue 11).
  markPendingExportOrders(deps).catch((err) => console.error('[seller-vault] marking exported orders failed', err));

  // The browser closed or the worker stopped during an export (issue 16): no download of ours is
  // left untracked, and an interrupted one is not kept as a good file. Never blocks a message.
  reconcileExportDownloads(deps, { extensionId: browser.runtime.id, startedBefore: workerStartedAt }).catch((err) =>
    console.error('[seller-vault] reconciling export downloads failed', err),
  );
});
