import { i18n } from '../common/i18n';
import type { HeldPageFact as Fact } from '../../utils/db/records';
import { sendMessage } from '../../utils/messaging/send-message-adapter';
import { formatDateTime } from '../retention/format-time';

/**
 * A cancellation or shipping time reported only by the seller-center page, which would delete
 * the stored address at once (issue 10: page data can be forged). The seller applies it after
 * checking, or dismisses it.
 */
export function HeldPageFact({ orderSn, fact }: { orderSn: string; fact: Fact }) {
  const text = fact.kind === 'cancelled' ? i18n.t('export.list.pageFactCancelled') : i18n.t('export.list.pageFactShipped');
  const question =
    fact.kind === 'cancelled' ? i18n.t('export.list.pageFactConfirmCancelled', [orderSn]) : i18n.t('export.list.pageFactConfirmShipped', [orderSn, formatDateTime(fact.at)]);
  const apply = () => {
    if (window.confirm(question)) void sendMessage('orders/resolve-page-fact', { orderSn, apply: true });
  };
  return (
    <span className="sv-badge sv-badge--warn" data-testid="page-fact" data-kind={fact.kind}>
      <button type="button" className="sv-link" onClick={apply} data-testid="page-fact-apply">
        {text}
      </button>
      <button
        type="button"
        className="sv-link"
        aria-label={i18n.t('export.list.pageFactDismiss')}
        title={i18n.t('export.list.pageFactDismiss')}
        data-testid="page-fact-dismiss"
        onClick={() => void sendMessage('orders/resolve-page-fact', { orderSn, apply: false })}
      >
        ×
      </button>
    </span>
  );
}
