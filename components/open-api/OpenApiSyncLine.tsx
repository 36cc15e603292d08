import { i18n } from '../common/i18n';
import { sendMessage } from '../../utils/messaging/send-message-adapter';
import type { MessageError } from '../../utils/messaging/envelope';
import { useAction } from '../common/use-action';
import { useBackground } from '../common/use-background';
import { OutcomeMessage } from '../common/OutcomeMessage';
import { problemText, syncFoundText, syncTroubleText } from './open-api-text';

/** Popup: when the Open API sync last ran, what it found, why it stopped; "Sync now" while unlocked (issue 12). */
export function OpenApiSyncLine() {
  const status = useBackground('open-api/status', {});
  const action = useAction((err) => (err as MessageError).message ?? String(err));
  const s = status.data;
  if (!s?.connected) return null;
  const last = s.lastSync;
  const trouble = last ? syncTroubleText(last) : null;
  return (
    <section data-testid="OpenApiSyncLine" className="sv-open-api-line">
      <h2>{i18n.t('openApi.popupTitle')}</h2>
      <p data-testid="open-api-last-sync" data-outcome={!last ? 'never' : last.problem ? 'problem' : 'ok'}>
        {last ? i18n.t('openApi.lastSync', [new Date(last.finishedAt).toLocaleString()]) : i18n.t('openApi.never')}
        {last && ' · '}
        {last && <span data-testid="open-api-found">{syncFoundText(last)}</span>}
      </p>
      {trouble && <p className="sv-muted">{trouble}</p>}
      {last?.problem && (
        <p className="sv-error" role="alert" data-testid="open-api-problem" data-kind={last.problem.kind}>
          {problemText(last.problem)}
        </p>
      )}
      <button
        type="button"
        data-testid="open-api-sync-now"
        disabled={action.busy || s.syncing || !s.unlocked}
        title={s.unlocked ? undefined : i18n.t('openApi.problem.locked')}
        onClick={() =>
          void action.run(async () => {
            const report = await sendMessage('open-api/sync', {});
            return report.problem ? { ok: false, text: problemText(report.problem) } : syncFoundText(report);
          })
        }
      >
        {action.busy || s.syncing ? i18n.t('openApi.syncing') : i18n.t('openApi.syncNow')}
      </button>{' '}
      <OutcomeMessage outcome={action.message} inline />
    </section>
  );
}
