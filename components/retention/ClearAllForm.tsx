import { OutcomeMessage } from '../common/OutcomeMessage';
import { countOf, i18n } from '../common/i18n';
import { useState, type FormEvent } from 'react';
import { sendMessage } from '../../utils/messaging/send-message-adapter';
import { useAction } from '../common/use-action';
import { errorText } from './format-time';

/** "Clear all buyer data", confirmed by typing the word shown (DELETE / 删除); the background checks it too. */
export function ClearAllForm() {
  const word = i18n.t('retention.clear.word');
  const [typed, setTyped] = useState('');
  const [alsoOrders, setAlsoOrders] = useState(false);
  const { busy, message, run } = useAction(errorText);

  function submit(event: FormEvent) {
    event.preventDefault();
    void run(async () => {
      const result = await sendMessage('buyers/clear-all', { confirmation: typed, alsoClearOrders: alsoOrders });
      setTyped('');
      return i18n.t('retention.clear.done', [
        countOf('buyerRecords', result.buyersDeleted),
        countOf('files', result.filesRemoved + result.filesMissing),
        countOf('orders', result.ordersDeleted),
      ]);
    });
  }

  return (
    <form className="sv-retention-clear" data-testid="clear-all-form" onSubmit={submit}>
      <h3>{i18n.t('retention.clear.heading')}</h3>
      <p className="sv-warning">{i18n.t('retention.clear.warning')}</p>
      <label>
        <input type="checkbox" name="alsoClearOrders" checked={alsoOrders} onChange={(e) => setAlsoOrders(e.target.checked)} /> {i18n.t('retention.clear.alsoOrders')}
      </label>
      <label>
        {i18n.t('retention.clear.typeToConfirm', [word])} <input name="confirmation" autoComplete="off" value={typed} onChange={(e) => setTyped(e.target.value)} />
      </label>{' '}
      <button type="submit" className="danger" disabled={busy || typed.trim() !== word}>
        {i18n.t('retention.clear.submit')}
      </button>
      <OutcomeMessage outcome={message} />
    </form>
  );
}
