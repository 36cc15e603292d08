import { recordAudit } from '../audit/audit-log';
import type { BackgroundDeps } from '../background-deps';
import type { settingsMessages } from './settings-messages';
import type { HandlerTable } from '../messaging/router';

export function createSettingsHandlers(deps: BackgroundDeps): HandlerTable<typeof settingsMessages> {
  return {
    'settings/get': () => deps.settings.read(),
    'settings/update': async (patch, ctx) => {
      const next = await deps.settings.write(patch);
      await recordAudit(deps.db, deps.now(), { actor: ctx.actor, action: 'settings.change', detail: Object.keys(patch).sort().join(',') });
      await deps.notifyChanged();
      return next;
    },
  };
}
