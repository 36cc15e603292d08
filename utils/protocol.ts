import { captureMessages } from './capture/capture-messages';
import { exportMessages } from './orders/orders-messages';
import { retentionMessages } from './retention/retention-messages';
import { settingsMessages } from './settings/settings-messages';
import { vaultMessages } from './vault/vault-messages';

/** The one protocol: every message the background answers, by name (request schema + reply type). */
export const protocol = {
  ...captureMessages,
  ...vaultMessages,
  ...retentionMessages,
  ...exportMessages,
  ...settingsMessages,
};
export type Protocol = typeof protocol;
export type MessageType = keyof Protocol;
