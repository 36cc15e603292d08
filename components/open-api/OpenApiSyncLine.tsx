import { i18n } from '../common/i18n';
import type { MessageError } from '../../utils/messaging/envelope';
import { useAction } from '../common/use-action';
import { useBackground } from '../common/use-background';
import { OutcomeMessage } from '../common/OutcomeMessage';
import { SyncReport, syncNow } from './SyncReport';

/** Popup: when the Open API sync last ran, what it found, why it stopped; "Sync now" while unlocked (issue 12). */
export function OpenApiSyncLine() {
  const status = useBackground('open-api/status', {});
  const action = useAction((err) => (err as MessageError).message ?? String(err));
  const s = status.data;
  if (!s?.connected) return null;
  return (
    <section data-testid="OpenApiSyncLine" className="sv-open-api-line">
      <h2>{i18n.t('openApi.popupTitle')}</h2>
      <SyncReport last={s.lastSync} />
      <button
        type="button"
        data-testid="open-api-sync-now"
        disabled={action.busy || s.syncing || !s.unlocked}
        title={s.unlocked ? undefined : i18n.t('openApi.problem.locked')}
        onClick={() => void action.run(syncNow)}
      >
        {action.busy || s.syncing ? i18n.t('openApi.syncing') : i18n.t('openApi.syncNow')}
      </button>{' '}
      <OutcomeMessage outcome={action.message} inline />
    </section>
  );
}
