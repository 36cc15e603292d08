import { i18n } from '../common/i18n';
import { useState } from 'react';
import type { BuyerMatch } from '../../utils/requests/request-messages';
import { sendMessage } from '../../utils/messaging/send-message-adapter';
import { OutcomeMessage } from '../common/OutcomeMessage';
import { useAction } from '../common/use-action';
import { errorText } from '../retention/format-time';

/** Finds the requester's stored orders (vault unlocked) and links the chosen ones to the request. */
export function BuyerFinder({ requestId, linked }: { requestId: number; linked: string[] }) {
  const [query, setQuery] = useState('');
  const [matches, setMatches] = useState<BuyerMatch[] | null>(null);
  const [chosen, setChosen] = useState<Set<string>>(new Set(linked));
  const { busy, message, run } = useAction(errorText);
  return (
    <div data-testid="buyer-finder" className="sv-vault-inline">
      <input name="buyerQuery" placeholder={i18n.t('requests.find.placeholder')} value={query} onChange={(e) => setQuery(e.target.value)} />
      <button
        type="button"
        disabled={busy || query.trim().length < 2}
        onClick={() =>
          run(async () => {
            const found = await sendMessage('requests/find-buyer', { query });
            setMatches(found.matches);
            setChosen(new Set(found.matches.map((m) => m.orderSn)));
            return i18n.t('requests.find.result', [String(found.matches.length), String(found.searched)]);
          })
        }
      >
        {i18n.t('requests.find.button')}
      </button>
      {matches && matches.length > 0 && (
        <ul data-testid="buyer-matches">
          {matches.map((m) => (
            <li key={m.orderSn}>
              <label>
                <input
                  type="checkbox"
                  checked={chosen.has(m.orderSn)}
                  onChange={(e) =>
                    setChosen((s) => {
                      const next = new Set(s);
                      if (e.target.checked) next.add(m.orderSn);
                      else next.delete(m.orderSn);
                      return next;
                    })
                  }
                />
                {m.orderSn} — {m.pii.name} ({i18n.t(`requests.find.on.${m.matchedOn}`)})
              </label>
            </li>
          ))}
        </ul>
      )}
      {matches && (
        <button
          type="button"
          disabled={busy}
          onClick={() =>
            run(async () => {
              await sendMessage('requests/link-orders', { id: requestId, orderSns: [...chosen] });
              return i18n.t('requests.find.linked', [String(chosen.size)]);
            })
          }
        >
          {i18n.t('requests.find.link')}
        </button>
      )}
      <OutcomeMessage outcome={message} inline />
    </div>
  );
}
