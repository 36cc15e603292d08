import { recordAudit } from '../audit/audit-log';
import { MessageError } from '../messaging/envelope';
import type { BackgroundDeps } from '../background-deps';
import type { settingsMessages } from './settings-messages';
import type { HandlerTable } from '../messaging/router';

export function createSettingsHandlers(deps: BackgroundDeps): HandlerTable<typeof settingsMessages> {
  return {
    'settings/get': () => deps.settings.read(),
    'settings/update': async (patch, ctx) => {
      // One path for the optional buyer fields: turning one off must also remove it from stored
      // records (buyers/set-captured-fields, utils/vault), which a plain settings write would not.
      if (patch.captureBuyerEmail !== undefined || patch.captureBackupPhone !== undefined) {
        throw new MessageError('invalid-request', 'Captured buyer fields change through buyers/set-captured-fields');
      }
      const next = await deps.settings.write(patch);
      await recordAudit(deps.db, deps.now(), { actor: ctx.actor, action: 'settings.change', detail: Object.keys(patch).sort().join(',') });
      await deps.notifyChanged();
      return next;
    },
  };
}
