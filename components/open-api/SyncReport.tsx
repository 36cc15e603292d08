import { formatDateTime, i18n } from '../common/i18n';
import { sendMessage } from '../../utils/messaging/send-message-adapter';
import type { OpenApiSyncReport } from '../../utils/open-api/open-api-messages';
import { problemText, syncFoundText, syncTroubleText } from './open-api-text';

/** The last Open API sync as the popup and the options page show it: when, what it found, why it stopped. */
export function SyncReport({ last }: { last: OpenApiSyncReport | null }) {
  const trouble = last ? syncTroubleText(last) : null;
  return (
    <>
      <p data-testid="open-api-last-sync" data-outcome={!last ? 'never' : last.problem ? 'problem' : 'ok'}>
        {last ? i18n.t('openApi.lastSync', [formatDateTime(last.finishedAt)]) : i18n.t('openApi.never')}
        {last && ' · '}
        {last && <span data-testid="open-api-found">{syncFoundText(last)}</span>}
      </p>
      {trouble && <p className="sv-muted">{trouble}</p>}
      {last?.problem && (
        <p className="sv-error" role="alert" data-testid="open-api-problem" data-kind={last.problem.kind}>
          {problemText(last.problem)}
        </p>
      )}
    </>
  );
}

/** "Sync now": runs one sync and says what it found, or why it stopped (for useAction). */
export async function syncNow(): Promise<string | { ok: false; text: string }> {
  const report = await sendMessage('open-api/sync', {});
  return report.problem ? { ok: false, text: problemText(report.problem) } : syncFoundText(report);
}
