import { auditMessages } from './audit/audit-messages';
import { bulkFetchMessages } from './bulk-fetch/bulk-fetch-messages';
import { complianceMessages } from './compliance/compliance-messages';
import { incidentMessages } from './incidents/incident-messages';
import { requestMessages } from './requests/request-messages';
import { captureMessages } from './capture/capture-messages';
import { consentMessages } from './consent/consent-messages';
import { exportMessages } from './export-jobs/export-messages';
import { openApiMessages } from './open-api/open-api-messages';
import { ordersMessages } from './orders/orders-messages';
import { retentionMessages } from './retention/retention-messages';
import { settingsMessages } from './settings/settings-messages';
import { vaultMessages } from './vault/vault-messages';

/** The one protocol: every message the background answers, by name (request schema + reply type). Each group lives with its concern. */
export const protocol = {
  ...captureMessages,
  ...bulkFetchMessages,
  ...consentMessages,
  ...ordersMessages,
  ...exportMessages,
  ...vaultMessages,
  ...auditMessages,
  ...retentionMessages,
  ...settingsMessages,
  ...openApiMessages,
  ...requestMessages,
  ...incidentMessages,
  ...complianceMessages,
};
export type Protocol = typeof protocol;
export type MessageType = keyof Protocol;
