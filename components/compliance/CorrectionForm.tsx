import { i18n } from '../common/i18n';
import { useState } from 'react';
import { sendMessage } from '../../utils/messaging/send-message-adapter';
import { OutcomeMessage } from '../common/OutcomeMessage';
import { useAction } from '../common/use-action';
import { errorText } from '../retention/format-time';

/** The address and contact fields a buyer may ask to correct (the schema validates every value). */
const FIELDS = ['name', 'phone', 'email', 'addressLine1', 'addressLine2', 'city', 'state', 'postcode', 'country'] as const;
type Field = (typeof FIELDS)[number];

/** Correction: the seller types only the fields to change; the background re-seals and audits the names. */
export function CorrectionForm({ requestId, orderSns }: { requestId: number; orderSns: string[] }) {
  const [orderSn, setOrderSn] = useState(orderSns[0] ?? '');
  const [values, setValues] = useState<Partial<Record<Field, string>>>({});
  const { busy, message, run } = useAction(errorText);
  return (
    <form
      data-testid="correction-form"
      className="sv-form"
      onSubmit={(e) => {
        e.preventDefault();
        void run(async () => {
          const patch = Object.fromEntries(
            Object.entries(values)
              .filter(([, v]) => v !== undefined && v.trim() !== '')
              .map(([k, v]) => [k, v!.trim()]),
          );
          const { changedFields } = await sendMessage('requests/correct', { id: requestId, orderSn, patch });
          setValues({});
          return i18n.t('requests.correct.done', [changedFields.join(', ') || '—']);
        });
      }}
    >
      <label>
        {i18n.t('requests.correct.order')}
        <select name="orderSn" value={orderSn} onChange={(e) => setOrderSn(e.target.value)}>
          {orderSns.map((sn) => (
            <option key={sn} value={sn}>
              {sn}
            </option>
          ))}
        </select>
      </label>
      {FIELDS.map((f) => (
        <label key={f}>
          {i18n.t(`requests.field.${f}`)}
          <input name={f} value={values[f] ?? ''} onChange={(e) => setValues((v) => ({ ...v, [f]: e.target.value }))} />
        </label>
      ))}
      <button type="submit" disabled={busy || !orderSn}>
        {i18n.t('requests.correct.submit')}
      </button>
      <OutcomeMessage outcome={message} />
    </form>
  );
}
