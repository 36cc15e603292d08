import { captureMessages } from './protocol/capture';
import { exportMessages } from './protocol/export';
import { retentionMessages } from './protocol/retention';
import { settingsMessages } from './protocol/settings';
import { vaultMessages } from './protocol/vault';

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
