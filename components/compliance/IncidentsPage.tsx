import { i18n } from '../common/i18n';
import { sendMessage } from '../../utils/messaging/send-message-adapter';
import { OutcomeMessage } from '../common/OutcomeMessage';
import { useAction } from '../common/use-action';
import { useBackground } from '../common/use-background';
import { errorText, formatDateTime } from '../retention/format-time';
import { IncidentForm } from './IncidentForm';
import { SecurityContactForm } from './SecurityContactForm';

/** Options → Security incidents: record, report to the marketplace (mailto or copy) within 72 h, resolve. */
export function IncidentsPage() {
  const incidents = useBackground('incidents/list', {});
  const { busy, message, run } = useAction(errorText);
  return (
    <section data-testid="IncidentsPage">
      <h2>{i18n.t('incidents.title')}</h2>
      <p>{i18n.t('incidents.intro')}</p>
      <SecurityContactForm />
      <IncidentForm />
      <h3>{i18n.t('incidents.list.heading')}</h3>
      {incidents.error && <p className="sv-error">{errorText(incidents.error)}</p>}
      <OutcomeMessage outcome={message} />
      {incidents.data?.length === 0 && <p className="sv-muted">{i18n.t('incidents.empty')}</p>}
      {incidents.data?.map((inc) => (
        <article key={inc.id} className="sv-card" data-testid="incident-card" data-state={inc.state}>
          <h4>
            #{inc.id} — <span data-testid="incident-state">{i18n.t(`incidents.state.${inc.state}`)}</span>
          </h4>
          <p data-testid="incident-deadline">{i18n.t('incidents.deadline', [formatDateTime(inc.dueAt)])}</p>
          <p className="sv-muted">
            {i18n.t('incidents.detected', [formatDateTime(inc.detectedAt)])}
            {inc.reportedAt !== null && ` · ${i18n.t('incidents.reportedAt', [formatDateTime(inc.reportedAt)])}`}
            {inc.resolvedAt !== null && ` · ${i18n.t('incidents.resolvedAt', [formatDateTime(inc.resolvedAt)])}`}
          </p>
          <p>{inc.summary}</p>
          <div className="sv-vault-inline">
            <a data-testid="incident-mailto" href={inc.email.mailto}>
              {i18n.t('incidents.email')}
            </a>
            <button type="button" onClick={() => void navigator.clipboard.writeText(`${inc.email.subject}\n\n${inc.email.body}`)}>
              {i18n.t('compliance.copy')}
            </button>
            {inc.state === 'open' && (
              <button
                type="button"
                disabled={busy}
                onClick={() =>
                  run(async () => {
                    await sendMessage('incidents/advance', { id: inc.id, event: 'report' });
                    return i18n.t('incidents.markedReported');
                  })
                }
              >
                {i18n.t('incidents.markReported')}
              </button>
            )}
            {inc.state === 'reported' && (
              <button
                type="button"
                disabled={busy}
                onClick={() =>
                  run(async () => {
                    await sendMessage('incidents/advance', { id: inc.id, event: 'resolve' });
                    return i18n.t('incidents.markedResolved');
                  })
                }
              >
                {i18n.t('incidents.markResolved')}
              </button>
            )}
          </div>
        </article>
      ))}
    </section>
  );
}
