import { i18n } from '../common/i18n';
import { useState } from 'react';
import type { RequestNotes } from '../../utils/vault/request-notes';
import { sendMessage } from '../../utils/messaging/send-message-adapter';
import { OutcomeMessage } from '../common/OutcomeMessage';
import { useAction } from '../common/use-action';
import { useBackground } from '../common/use-background';
import { errorText } from '../retention/format-time';
import { RequestCard } from './RequestCard';
import { RequestForm } from './RequestForm';

/** Options → Buyer requests: record, verify, find the buyer, answer (access / correction / deletion), with the policy's deadlines. */
export function RequestsPage() {
  const requests = useBackground('requests/list', {});
  const [notes, setNotes] = useState<Record<number, RequestNotes | null>>({});
  const { busy, message, run } = useAction(errorText);
  const list = requests.data ?? [];
  return (
    <section data-testid="RequestsPage">
      <h2>{i18n.t('requests.title')}</h2>
      <p>{i18n.t('requests.intro')}</p>
      <RequestForm />
      <h3>{i18n.t('requests.list.heading')}</h3>
      {requests.error && <p className="sv-error">{errorText(requests.error)}</p>}
      {list.length > 0 && (
        <button
          type="button"
          disabled={busy}
          onClick={() =>
            run(async () => {
              setNotes(await sendMessage('requests/notes', { ids: list.map((r) => r.id) }));
              return i18n.t('requests.notesShown');
            })
          }
        >
          {i18n.t('requests.showNotes')}
        </button>
      )}
      <OutcomeMessage outcome={message} inline />
      {requests.data && list.length === 0 && <p className="sv-muted">{i18n.t('requests.empty')}</p>}
      {list.map((r) => (
        <RequestCard key={r.id} request={r} notes={r.id in notes ? notes[r.id] : undefined} />
      ))}
    </section>
  );
}
