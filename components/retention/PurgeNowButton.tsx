import { countOf, i18n } from '../common/i18n';
import { useState } from 'react';
import { sendMessage } from '../../utils/messaging/send-message-adapter';
import { errorText } from './format-time';

/** Runs the purge now (the same pass the alarms run); useful right after lowering the period. */
export function PurgeNowButton() {
  const [message, setMessage] = useState<string | null>(null);
  async function purge() {
    try {
      const result = await sendMessage('retention/purge-now', {});
      setMessage(i18n.t('retention.purged', [countOf('orders', result.purgedOrders.length), countOf('files', result.removedFiles)]));
    } catch (err) {
      setMessage(errorText(err));
    }
  }
  return (
    <p>
      <button type="button" onClick={purge}>
        {i18n.t('retention.purgeNow')}
      </button>{' '}
      {message && <span role="status">{message}</span>}
    </p>
  );
}
