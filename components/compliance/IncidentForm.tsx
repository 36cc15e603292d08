import { i18n } from '../common/i18n';
import { messageKey } from '../common/message-key';
import { useState } from 'react';
import { INCIDENT_DATA_CATEGORIES, type IncidentDataCategory } from '../../utils/incidents/incident-deadlines';
import { sendMessage } from '../../utils/messaging/send-message-adapter';
import { OutcomeMessage } from '../common/OutcomeMessage';
import { useAction } from '../common/use-action';
import { errorText } from '../retention/format-time';
import { fromLocalInput, localInputValue } from './local-time-input';

/** Records a security incident: when it was detected, what happened, data and orders concerned, actions taken. */
export function IncidentForm() {
  const [detectedAt, setDetectedAt] = useState(() => localInputValue(Date.now()));
  const [summary, setSummary] = useState('');
  const [categories, setCategories] = useState<Set<IncidentDataCategory>>(new Set());
  const [orders, setOrders] = useState('');
  const [actions, setActions] = useState('');
  const { busy, message, run } = useAction(errorText);
  return (
    <form
      data-testid="incident-form"
      className="sv-form"
      onSubmit={(e) => {
        e.preventDefault();
        void run(async () => {
          const view = await sendMessage('incidents/record', {
            detectedAt: fromLocalInput(detectedAt),
            summary,
            dataCategories: [...categories],
            affectedOrderSns: orders.split(/[\s,;]+/).filter(Boolean),
            actionsTaken: actions,
          });
          setSummary('');
          setOrders('');
          setActions('');
          setCategories(new Set());
          return i18n.t('incidents.recorded', [String(view.id)]);
        });
      }}
    >
      <p className="sv-muted">{i18n.t('incidents.noBuyerData')}</p>
      <label>
        {i18n.t('incidents.form.detectedAt')}
        <input type="datetime-local" name="detectedAt" required value={detectedAt} onChange={(e) => setDetectedAt(e.target.value)} />
      </label>
      <label>
        {i18n.t('incidents.form.summary')}
        <textarea name="summary" required maxLength={2000} value={summary} onChange={(e) => setSummary(e.target.value)} />
      </label>
      <fieldset>
        <legend>{i18n.t('incidents.form.data')}</legend>
        {INCIDENT_DATA_CATEGORIES.map((c) => (
          <label key={c}>
            <input
              type="checkbox"
              name={`data-${c}`}
              checked={categories.has(c)}
              onChange={(e) =>
                setCategories((s) => {
                  const next = new Set(s);
                  if (e.target.checked) next.add(c);
                  else next.delete(c);
                  return next;
                })
              }
            />
            {i18n.t(`incidents.category.${messageKey(c)}`)}
          </label>
        ))}
      </fieldset>
      <label>
        {i18n.t('incidents.form.orders')}
        <textarea name="orderSns" value={orders} onChange={(e) => setOrders(e.target.value)} />
      </label>
      <label>
        {i18n.t('incidents.form.actions')}
        <textarea name="actionsTaken" maxLength={2000} value={actions} onChange={(e) => setActions(e.target.value)} />
      </label>
      <button type="submit" disabled={busy}>
        {i18n.t('incidents.form.submit')}
      </button>
      <OutcomeMessage outcome={message} />
    </form>
  );
}
