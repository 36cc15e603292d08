import { i18n } from '../common/i18n';
import { sendMessage } from '../../utils/messaging/send-message-adapter';
import type { BuyerPii } from '../../utils/vault/buyer-pii';
import { useAction } from '../common/use-action';
import { useBackground } from '../common/use-background';
import { OutcomeMessage } from '../common/OutcomeMessage';
import { formatDateTime } from '../retention/format-time';
import { vaultErrorMessage } from '../vault/vault-error-message';

/** An address as lines of text (React text nodes only: captured strings are never markup). */
function AddressLines({ pii, testId }: { pii: BuyerPii; testId: string }) {
  const lines = [
    pii.name,
    pii.addressLine1,
    pii.addressLine2,
    pii.addressLine3,
    [pii.postcode, pii.city, pii.district].filter(Boolean).join(' '),
    pii.state,
    pii.country,
    pii.phone,
  ];
  return (
    <div className="sv-review__address" data-testid={testId}>
      {lines.filter(Boolean).map((line, i) => (
        <div key={i}>{line}</div>
      ))}
    </div>
  );
}

/**
 * Orders whose seller-center address changed after it was stored (issue 10: never silently
 * replaced). Both versions side by side; labels keep the stored one until the seller accepts.
 */
export function AddressReviewPanel({ unlocked }: { unlocked: boolean }) {
  const changes = useBackground('buyers/address-changes', {}, { enabled: unlocked });
  const action = useAction(vaultErrorMessage);
  if (!unlocked || !changes.data || changes.data.length === 0) return null;
  const decide = (orderSn: string, accept: boolean) =>
    action.run(async () => {
      await sendMessage('buyers/resolve-address-change', { orderSn, accept });
      return '';
    });
  return (
    <section className="sv-review" data-testid="review-panel" aria-labelledby="sv-review-title">
      <h2 id="sv-review-title">{i18n.t('export.review.title')}</h2>
      <p className="sv-muted">{i18n.t('export.review.intro')}</p>
      {changes.data.map((change) => (
        <article key={change.orderSn} className="sv-review__item" data-testid="address-change" data-order-sn={change.orderSn}>
          <strong>{change.orderSn}</strong>
          <div className="sv-review__versions">
            <div>
              <span className="sv-muted">{i18n.t('export.review.current')}</span>
              <AddressLines pii={change.current} testId="address-version-current" />
            </div>
            <div>
              <span className="sv-muted">{i18n.t('export.review.proposed', [formatDateTime(change.proposedAt)])}</span>
              <AddressLines pii={change.proposed} testId="address-version-new" />
            </div>
          </div>
          <button type="button" data-testid="address-keep" disabled={action.busy} onClick={() => decide(change.orderSn, false)}>
            {i18n.t('export.review.keep')}
          </button>{' '}
          <button type="button" data-testid="address-accept" disabled={action.busy} onClick={() => decide(change.orderSn, true)}>
            {i18n.t('export.review.accept')}
          </button>
        </article>
      ))}
      <OutcomeMessage outcome={action.message?.ok === false ? action.message : null} />
    </section>
  );
}
