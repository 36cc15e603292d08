import { OutcomeMessage } from '../common/OutcomeMessage';
import { countOf, formatNumber, i18n } from '../common/i18n';
import { useState, type FormEvent } from 'react';
import { sendMessage } from '../../utils/messaging/send-message-adapter';
import { useAction } from '../common/use-action';
import { errorText } from './format-time';
import { parseOrderSnList } from '../../utils/retention/order-sn-list';
import './retention.css';

type ScopeKind = 'all' | 'shop' | 'orders';

/** "YYYY-MM-DDTHH:mm" for <input type="datetime-local">, in the viewer's zone. */
function localInputValue(at: number): string {
  const d = new Date(at - new Date(at).getTimezoneOffset() * 60_000);
  return d.toISOString().slice(0, 16);
}

/** Records a marketplace deletion notice; the background deletes the scope at once. */
export function NoticeForm() {
  const [receivedAt, setReceivedAt] = useState(() => localInputValue(Date.now()));
  const [kind, setKind] = useState<ScopeKind>('orders');
  const [shopId, setShopId] = useState('');
  const [orderSns, setOrderSns] = useState('');
  const [reference, setReference] = useState('');
  const { busy, message, run } = useAction(errorText);

  function submit(event: FormEvent) {
    event.preventDefault();
    void run(async () => {
      // datetime-local is read in the viewer's zone: new Date('YYYY-MM-DDTHH:mm') is local time.
      const at = new Date(receivedAt).getTime();
      const scope = kind === 'all' ? { kind } : kind === 'shop' ? { kind, shopId: shopId.trim() } : { kind, orderSns: parseOrderSnList(orderSns) };
      const view = await sendMessage('notices/record', { receivedAt: at, scope, reference });
      const done = i18n.t('notices.form.done', [countOf('buyerRecords', view.deletedBuyers), countOf('files', view.removedFiles)]);
      // Listed numbers that matched nothing are not "deleted": the seller must see them.
      const unmatched =
        view.unmatchedOrderSns.length > 0
          ? ` ${i18n.t('retentionFix.unmatched', view.unmatchedOrderSns.length, [formatNumber(view.unmatchedOrderSns.length), view.unmatchedOrderSns.join(', ')])}`
          : '';
      setOrderSns('');
      setReference('');
      return { ok: unmatched === '', text: done + unmatched };
    });
  }

  return (
    <form className="sv-notice-form" data-testid="notice-form" onSubmit={submit}>
      <h3>{i18n.t('notices.form.heading')}</h3>
      <label>
        {i18n.t('notices.form.receivedAt')}
        <input type="datetime-local" name="receivedAt" required value={receivedAt} onChange={(e) => setReceivedAt(e.target.value)} />
      </label>
      <fieldset>
        <legend>{i18n.t('notices.form.scope')}</legend>
        {(['all', 'shop', 'orders'] as const).map((k) => (
          <label key={k}>
            <input type="radio" name="scope" value={k} checked={kind === k} onChange={() => setKind(k)} />{' '}
            {k === 'all' ? i18n.t('notices.form.scopeAll') : k === 'shop' ? i18n.t('notices.form.scopeShop') : i18n.t('notices.form.scopeOrders')}
          </label>
        ))}
      </fieldset>
      {kind === 'shop' && (
        <label>
          {i18n.t('notices.form.shopId')}
          <input name="shopId" required value={shopId} onChange={(e) => setShopId(e.target.value)} />
        </label>
      )}
      {kind === 'orders' && (
        <label>
          {i18n.t('notices.form.orderSns')}
          <textarea name="orderSns" rows={4} required value={orderSns} onChange={(e) => setOrderSns(e.target.value)} />
        </label>
      )}
      <label>
        {i18n.t('notices.form.reference')}
        <input name="reference" maxLength={500} value={reference} onChange={(e) => setReference(e.target.value)} />
      </label>
      <button type="submit" className="danger" disabled={busy}>
        {i18n.t('notices.form.submit')}
      </button>
      <OutcomeMessage outcome={message} />
    </form>
  );
}
