import { formatDateTime, i18n } from '../common/i18n';
import { useState } from 'react';
import type { MessageError } from '../../utils/messaging/envelope';
import { sendMessage } from '../../utils/messaging/send-message-adapter';
import { POLICY_VERSION } from '../../utils/policy/policy-document';
import { useBackground } from '../common/use-background';
import { AuthorizeShopForm } from './AuthorizeShopForm';

/**
 * Options → Authorization & privacy (issue 3 part 7): says exactly what is read, why, how long it
 * is kept and that nothing leaves the browser, then records the seller's consent per shop.
 */
export function AuthorizationPage() {
  const consents = useBackground('consent/list', {});
  const [notice, setNotice] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  const [busy, setBusy] = useState(false);

  async function run(action: () => Promise<string>) {
    setBusy(true);
    try {
      setNotice({ kind: 'ok', text: await action() });
    } catch (err) {
      setNotice({ kind: 'error', text: i18n.t('capture.auth.failed', [(err as MessageError).message ?? String(err)]) });
    } finally {
      setBusy(false);
    }
  }

  const list = consents.data ?? [];
  return (
    <section data-testid="AuthorizationPage">
      <h2>{i18n.t('capture.auth.title')}</h2>
      <p>{i18n.t('capture.auth.intro')}</p>
      <h3>{i18n.t('capture.auth.whatTitle')}</h3>
      <ul>
        <li>{i18n.t('capture.auth.whatOrders')}</li>
        <li>{i18n.t('capture.auth.whatAddress')}</li>
      </ul>
      <h3>{i18n.t('capture.auth.whyTitle')}</h3>
      <p>{i18n.t('capture.auth.why')}</p>
      <h3>{i18n.t('capture.auth.howLongTitle')}</h3>
      <p>{i18n.t('capture.auth.howLong')}</p>
      <h3>{i18n.t('capture.auth.whereTitle')}</h3>
      <p>{i18n.t('capture.auth.where')}</p>
      <p className="sv-muted">{i18n.t('capture.auth.cookies')}</p>
      <p data-testid="auth-policy-version">
        <a href="#policy">{i18n.t('policyLink.text', [POLICY_VERSION])}</a>
      </p>

      <AuthorizeShopForm />
      {notice && (
        <p role={notice.kind === 'error' ? 'alert' : 'status'} className={notice.kind === 'error' ? 'sv-error' : undefined} data-testid="auth-notice">
          {notice.text}
        </p>
      )}

      <h3>{i18n.t('capture.auth.listTitle')}</h3>
      {list.length === 0 ? (
        <p data-testid="auth-none">{i18n.t('capture.auth.none')}</p>
      ) : (
        <ul data-testid="authorized-shops">
          {list.map((c) => (
            <li key={c.shopId} data-testid="authorized-shop" data-shop-id={c.shopId}>
              <strong>{c.shopId}</strong>
              {c.displayName ? ` (${c.displayName})` : ''} — {i18n.t('capture.auth.authorizedAt', [formatDateTime(c.authorizedAt)])}{' '}
              {c.policyVersion !== POLICY_VERSION && (
                <span className="sv-error" data-testid="consent-outdated">
                  {i18n.t('consentPolicy.outdated', [c.policyVersion])}{' '}
                </span>
              )}
              <button
                type="button"
                disabled={busy}
                onClick={() =>
                  void run(async () => {
                    await sendMessage('consent/revoke', { shopId: c.shopId });
                    return i18n.t('capture.auth.revoked', [c.shopId]);
                  })
                }
              >
                {i18n.t('capture.auth.revoke')}
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
