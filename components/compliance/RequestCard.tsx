import { i18n } from '../common/i18n';
import { messageKey } from '../common/message-key';
import { accessCsvRows, accessExportOf } from '../../utils/requests/access-export-file';
import type { RequestView } from '../../utils/requests/request-messages';
import { sendMessage } from '../../utils/messaging/send-message-adapter';
import type { RequestNotes } from '../../utils/vault/request-notes';
import { OutcomeMessage } from '../common/OutcomeMessage';
import { useAction } from '../common/use-action';
import { errorText, formatDateTime } from '../retention/format-time';
import { BuyerFinder } from './BuyerFinder';
import { CorrectionForm } from './CorrectionForm';
import { DelayForm } from './DelayForm';
import { saveAccessFile } from './file-download-adapter';
import { csvText } from './csv-text';

const outcomeText = (v: boolean | null) => (v === null ? i18n.t('compliance.pending') : v ? i18n.t('compliance.met') : i18n.t('compliance.missed'));

/** One buyer request: its deadlines and state, and the steps the seller takes for it. */
export function RequestCard({ request: r, notes }: { request: RequestView; notes: RequestNotes | null | undefined }) {
  const { busy, message, run } = useAction(errorText);
  const open = r.state === 'received' || r.state === 'verified';
  const exportAccess = (format: 'access-json' | 'access-csv') =>
    run(async () => {
      const data = accessExportOf(await sendMessage('requests/access-data', { id: r.id }));
      const stamp = new Date(data.generatedAt).toISOString().slice(0, 10);
      const blob =
        format === 'access-json' ? new Blob([JSON.stringify(data, null, 2)], { type: 'application/json' }) : new Blob([csvText(accessCsvRows(data))], { type: 'text/csv' });
      await saveAccessFile(r.id, blob, `access-request-${r.id}-${stamp}.${format === 'access-json' ? 'json' : 'csv'}`, format);
      return i18n.t('requests.access.saved', [String(data.records.length)]);
    });
  return (
    <article className="sv-card" data-testid="request-card" data-request-id={r.id} data-state={r.state} data-urgency={r.urgency}>
      <h4>
        #{r.id} {i18n.t(`requests.kind.${r.kind}`)} — <span data-testid="request-state">{i18n.t(`requests.state.${r.state}`)}</span>{' '}
        {open && <span className={r.urgency === 'overdue' || r.urgency === 'due-soon' ? 'sv-error' : 'sv-muted'}>{i18n.t(`compliance.urgency.${messageKey(r.urgency)}`)}</span>}
      </h4>
      <p className="sv-muted">
        {i18n.t('requests.receivedAt', [formatDateTime(r.receivedAt)])} · {i18n.t('requests.verifyBy', [formatDateTime(r.verifyDueAt)])} ({outcomeText(r.outcome.verifiedOnTime)}) ·{' '}
        {i18n.t('requests.completeBy', [formatDateTime(r.completeDueAt)])} ({outcomeText(r.outcome.completedOnTime)})
        {r.delay && ` · ${i18n.t('requests.delayedTo', [formatDateTime(r.delay.newExpectedAt)])}`}
      </p>
      {notes && (
        <p data-testid="request-notes">
          {notes.contact} {notes.details && `— ${notes.details}`}
        </p>
      )}
      {notes === null && <p className="sv-muted">{i18n.t('requests.notesGone')}</p>}
      {r.orderSns.length > 0 && <p data-testid="request-orders">{i18n.t('requests.linked', [r.orderSns.join(', ')])}</p>}
      {r.actions.length > 0 && (
        <ul className="sv-muted">
          {r.actions.map((a) => (
            <li key={`${a.at}-${a.action}`}>
              {formatDateTime(a.at)} {i18n.t(`requests.action.${messageKey(a.action)}`)} {a.fields ? `(${a.fields.join(', ')})` : ''}
            </li>
          ))}
        </ul>
      )}
      {open && (
        <div className="sv-vault-inline">
          {r.state === 'received' && (
            <button
              type="button"
              disabled={busy}
              onClick={() =>
                run(async () => {
                  await sendMessage('requests/advance', { id: r.id, event: 'verify' });
                  return i18n.t('requests.verified');
                })
              }
            >
              {i18n.t('requests.verify')}
            </button>
          )}
          {r.state === 'verified' && (
            <button
              type="button"
              disabled={busy}
              onClick={() =>
                run(async () => {
                  await sendMessage('requests/advance', { id: r.id, event: 'complete' });
                  return i18n.t('requests.completed');
                })
              }
            >
              {i18n.t('requests.complete')}
            </button>
          )}
          <button
            type="button"
            disabled={busy}
            onClick={() =>
              run(async () => {
                await sendMessage('requests/advance', { id: r.id, event: 'decline' });
                return i18n.t('requests.declined');
              })
            }
          >
            {i18n.t('requests.decline')}
          </button>
        </div>
      )}
      <OutcomeMessage outcome={message} />
      {open && r.state === 'verified' && (
        <>
          <BuyerFinder requestId={r.id} linked={r.orderSns} />
          {r.orderSns.length > 0 && r.kind === 'access' && (
            <div className="sv-vault-inline">
              <button type="button" disabled={busy} onClick={() => exportAccess('access-json')}>
                {i18n.t('requests.access.json')}
              </button>
              <button type="button" disabled={busy} onClick={() => exportAccess('access-csv')}>
                {i18n.t('requests.access.csv')}
              </button>
            </div>
          )}
          {r.orderSns.length > 0 && r.kind === 'correct' && <CorrectionForm requestId={r.id} orderSns={r.orderSns} />}
          {r.orderSns.length > 0 && r.kind === 'delete' && (
            <button
              type="button"
              disabled={busy}
              onClick={() =>
                run(async () => {
                  const done = await sendMessage('requests/delete-data', { id: r.id });
                  return i18n.t('requests.deleted', [String(done.deletedBuyers), String(done.removedFiles)]);
                })
              }
            >
              {i18n.t('requests.delete')}
            </button>
          )}
        </>
      )}
      {open && (
        <details>
          <summary>{i18n.t('requests.delay.heading')}</summary>
          <DelayForm request={r} contact={notes?.contact ?? null} />
        </details>
      )}
    </article>
  );
}
