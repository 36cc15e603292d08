import { auditHeadStore } from './audit/audit-head-adapter';
import type { BrowserPorts } from './background-deps';
import { deadlineSignalsAdapter } from './compliance/deadline-signals-adapter';
import { tabState } from './capture/tab-state-adapter';
import { consentStore } from './consent/consent-adapter';
import { packagedCountryNames } from './geo/country-names-adapter';
import { exportDownloads } from './export-jobs/export-downloads-adapter';
import { openApiPort } from './open-api/open-api-adapter';
import { retentionAlarms } from './retention/alarms-adapter';
import { downloadsFileRemover } from './retention/downloads-adapter';
import { sessionCaches } from './retention/session-cache-adapter';
import { shipByAlertsAdapter } from './ship-by-alerts/ship-by-alerts-adapter';
import { settingsStore } from './settings/settings-adapter';
import { autoLockAlarm } from './vault/auto-lock-alarm-adapter';
import { packagedPassphraseDictionaries } from './vault/passphrase-dictionaries-adapter';
import { sessionKeyStore } from './vault/session-keys-adapter';

/** Every port of BackgroundDeps, backed by the browser (the composition root's only source of ports). */
export const browserPorts: BrowserPorts = {
  settings: settingsStore,
  consent: consentStore,
  tabs: tabState,
  sessionKeys: sessionKeyStore,
  autoLockAlarm,
  retentionAlarms,
  exportFiles: downloadsFileRemover,
  exportDownloads,
  sessionCaches,
  countryNames: packagedCountryNames,
  passphraseDictionaries: packagedPassphraseDictionaries,
  openApi: openApiPort,

  shipByAlerts: shipByAlertsAdapter,

  auditHead: auditHeadStore,
  deadlineSignals: deadlineSignalsAdapter,
};
