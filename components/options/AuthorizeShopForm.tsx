import { useState, type FormEvent } from 'react';
import { shopIdSchema } from '../../utils/consent/consent-schema';
import type { MessageError } from '../../utils/messaging/envelope';
import { sendMessage } from '../../utils/messaging/send-message-adapter';
import { i18n } from '../common/i18n';

/** `#authorize?shop=123` (from the in-page banner) pre-fills the shop. */
function shopFromHash(): string {
  const query = location.hash.split('?')[1] ?? '';
  const shop = new URLSearchParams(query).get('shop') ?? '';
  return shopIdSchema.safeParse(shop).success ? shop : '';
}

/** Records the seller's consent for one shop (options › Authorization and the onboarding step). */
export function AuthorizeShopForm() {
  const [shopId, setShopId] = useState(shopFromHash);
  const [displayName, setDisplayName] = useState('');
  const [notice, setNotice] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  const [busy, setBusy] = useState(false);

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    const id = shopId.trim();
    if (!shopIdSchema.safeParse(id).success) {
      setNotice({ kind: 'error', text: i18n.t('capture.auth.invalidShop') });
      return;
    }
    setBusy(true);
    try {
      await sendMessage('consent/grant', { shopId: id, displayName: displayName.trim() });
      setNotice({ kind: 'ok', text: i18n.t('capture.auth.granted', [id]) });
    } catch (err) {
      setNotice({ kind: 'error', text: i18n.t('capture.auth.failed', [(err as MessageError).message ?? String(err)]) });
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      <form onSubmit={onSubmit} className="sv-authorize-form">
        <label>
          {i18n.t('capture.auth.shopId')} <input data-testid="auth-shop-id" value={shopId} onChange={(e) => setShopId(e.target.value)} maxLength={40} required autoComplete="off" />
        </label>{' '}
        <label>
          {i18n.t('capture.auth.shopName')}{' '}
          <input data-testid="auth-shop-name" value={displayName} onChange={(e) => setDisplayName(e.target.value)} maxLength={100} autoComplete="off" />
        </label>{' '}
        <button type="submit" data-testid="auth-submit" disabled={busy}>
          {i18n.t('capture.auth.submit')}
        </button>
      </form>
      {notice && (
        <p role={notice.kind === 'error' ? 'alert' : 'status'} className={notice.kind === 'error' ? 'sv-error' : undefined} data-testid="auth-notice">
          {notice.text}
        </p>
      )}
    </>
  );
}
