import { z } from '../validation/zod';
import { settingsPatchSchema, type Settings } from './settings-schema';
import { defineMessage } from '../messaging/define-message';

export const settingsMessages = {
  'settings/get': defineMessage('page', z.object({})).returns<Settings>(),
  /** Validated against the full schema; each change is audited by setting name (never values). */
  'settings/update': defineMessage('page', settingsPatchSchema).returns<Settings>(),
};
