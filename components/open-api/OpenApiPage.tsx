import { formatDateTime, i18n } from '../common/i18n';
import { useState, type FormEvent } from 'react';
import type { MessageError } from '../../utils/messaging/envelope';
import { sendMessage } from '../../utils/messaging/send-message-adapter';
import type { OpenApiCheckReply, OpenApiStatus } from '../../utils/open-api/open-api-messages';
import { OPEN_API_REGIONS, type OpenApiRegion } from '../../utils/open-api/open-api-regions';
import { OutcomeMessage } from '../common/OutcomeMessage';
import { useAction } from '../common/use-action';
import { useBackground } from '../common/use-background';
import { releaseHostAccess, requestHostAccess } from './host-access-adapter';
import { problemText } from './open-api-text';
import { SyncReport, syncNow } from './SyncReport';

const REGION_LABEL: Record<OpenApiRegion, () => string> = {
  us: () => i18n.t('openApi.regionUs'),
  eu: () => i18n.t('openApi.regionEu'),
  global: () => i18n.t('openApi.regionGlobal'),
};
/** The token is about to run out: say so a week ahead (tokens last about three months). */
const EXPIRY_WARNING_MS = 7 * 24 * 60 * 60 * 1000;

const errorText = (err: unknown) => {
  const e = err as MessageError;
  return e.code === 'locked' ? i18n.t('openApi.needsUnlock') : (e.message ?? String(err));
};

/** Options → Temu Open API (issue 12): connect a self-developed app, see the connection and its syncs, disconnect. */
export function OpenApiPage() {
  const status = useBackground('open-api/status', {});
  return (
    <section data-testid="OpenApiPage">
      <h2>{i18n.t('openApi.title')}</h2>
      <p>{i18n.t('openApi.intro')}</p>
      <p className="sv-muted">{i18n.t('openApi.privacy')}</p>
      {status.data?.connected ? <ConnectedView status={status.data} /> : status.data ? <ConnectForm /> : null}
    </section>
  );
}

function ConnectForm() {
  const [region, setRegion] = useState<OpenApiRegion>('us');
  const [appKey, setAppKey] = useState('');
  const [appSecret, setAppSecret] = useState('');
  const [accessToken, setAccessToken] = useState('');
  const [check, setCheck] = useState<OpenApiCheckReply | null>(null);
  const action = useAction(errorText);

  // Both buttons ask for the host inside the click (a user gesture), before any message is sent.
  const submit = (connect: boolean) =>
    action.run(async () => {
      setCheck(null);
      if (!(await requestHostAccess(region))) return { ok: false, text: i18n.t('openApi.permissionRefused') };
      const values = { region, appKey: appKey.trim(), appSecret: appSecret.trim(), accessToken: accessToken.trim() };
      const reply = await sendMessage(connect ? 'open-api/connect' : 'open-api/test', values);
      setCheck(reply);
      // A test that is not followed by connect keeps no permission; a failed connect neither.
      if (!connect || !reply.ok) await releaseHostAccess(region);
      if (!reply.ok) return { ok: false, text: problemText(reply.problem) };
      if (connect) {
        setAppSecret('');
        setAccessToken('');
      }
      return i18n.t('openApi.tokenShop', [reply.token.shopId]);
    });

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    void submit(true);
  };

  return (
    <form onSubmit={onSubmit} className="sv-open-api-form" data-testid="open-api-form">
      <label>
        {i18n.t('openApi.region')}{' '}
        <select data-testid="open-api-region" value={region} onChange={(e) => setRegion(e.target.value as OpenApiRegion)}>
          {OPEN_API_REGIONS.map((r) => (
            <option key={r} value={r}>
              {REGION_LABEL[r]()}
            </option>
          ))}
        </select>
      </label>
      <label>
        {i18n.t('openApi.appKey')}{' '}
        <input data-testid="open-api-app-key" value={appKey} onChange={(e) => setAppKey(e.target.value)} required autoComplete="off" spellCheck={false} />
      </label>
      <label>
        {i18n.t('openApi.appSecret')}{' '}
        <input data-testid="open-api-app-secret" type="password" value={appSecret} onChange={(e) => setAppSecret(e.target.value)} required autoComplete="off" />
      </label>
      <label>
        {i18n.t('openApi.accessToken')}{' '}
        <input data-testid="open-api-access-token" type="password" value={accessToken} onChange={(e) => setAccessToken(e.target.value)} required autoComplete="off" />
      </label>
      <p className="sv-muted">{i18n.t('openApi.permissionNote')}</p>
      <button type="button" data-testid="open-api-test" disabled={action.busy} onClick={() => void submit(false)}>
        {i18n.t('openApi.test')}
      </button>{' '}
      <button type="submit" data-testid="open-api-connect" disabled={action.busy}>
        {i18n.t('openApi.connect')}
      </button>
      <div data-testid="open-api-outcome">
        <OutcomeMessage outcome={action.message} />
      </div>
      {check?.ok && (
        <ul data-testid="open-api-token">
          <li data-testid="open-api-token-shop">{i18n.t('openApi.tokenShop', [check.token.shopId])}</li>
          {check.token.expiresAt && <li>{i18n.t('openApi.tokenExpires', [formatDateTime(check.token.expiresAt)])}</li>}
          <li data-testid="open-api-token-scopes">{i18n.t('openApi.tokenScopes', [check.token.scopes.join(', ')])}</li>
          {check.token.missingScopes.length > 0 && <li className="sv-error">{i18n.t('openApi.tokenMissing', [check.token.missingScopes.join(', ')])}</li>}
          {!check.token.shopAuthorized && <ShopNotAuthorized shopId={check.token.shopId} />}
        </ul>
      )}
    </form>
  );
}

function ShopNotAuthorized({ shopId }: { shopId: string }) {
  return (
    <li className="sv-error" data-testid="open-api-shop-not-authorized">
      {i18n.t('openApi.shopNotAuthorized', [shopId])} <a href={`#authorize?shop=${encodeURIComponent(shopId)}`}>{i18n.t('openApi.authorizeLink')}</a>
    </li>
  );
}

function ConnectedView({ status }: { status: Extract<OpenApiStatus, { connected: true }> }) {
  const action = useAction(errorText);
  const now = Date.now();
  const expiry = status.tokenExpiresAt;
  return (
    <div data-testid="open-api-connected" data-shop-id={status.shopId} data-region={status.region}>
      <p>
        <strong>{i18n.t('openApi.connected', [status.region.toUpperCase(), status.shopId])}</strong>
      </p>
      <p data-testid="open-api-masked">{i18n.t('openApi.masked', [status.masked.appKey, status.masked.appSecret, status.masked.accessToken])}</p>
      {expiry !== null && expiry <= now && (
        <p className="sv-error" role="alert">
          {i18n.t('openApi.expired')}
        </p>
      )}
      {expiry !== null && expiry > now && expiry - now < EXPIRY_WARNING_MS && <p className="sv-error">{i18n.t('openApi.expiresSoon', [formatDateTime(expiry)])}</p>}
      {expiry !== null && <p className="sv-muted">{i18n.t('openApi.tokenExpires', [formatDateTime(expiry)])}</p>}
      <p className="sv-muted">{i18n.t('openApi.tokenScopes', [status.scopes.join(', ')])}</p>
      {!status.hostAccess && <p className="sv-error">{i18n.t('openApi.hostMissing')}</p>}
      {!status.shopAuthorized && (
        <ul>
          <ShopNotAuthorized shopId={status.shopId} />
        </ul>
      )}
      <p>{i18n.t('openApi.syncEvery', status.syncEveryMinutes, [String(status.syncEveryMinutes)])}</p>
      <SyncReport last={status.lastSync} />
      <button type="button" data-testid="open-api-sync-now" disabled={action.busy || status.syncing || !status.unlocked} onClick={() => void action.run(syncNow)}>
        {action.busy || status.syncing ? i18n.t('openApi.syncing') : i18n.t('openApi.syncNow')}
      </button>{' '}
      <button
        type="button"
        data-testid="open-api-disconnect"
        disabled={action.busy}
        onClick={() =>
          void action.run(async () => {
            await sendMessage('open-api/disconnect', {});
            return i18n.t('openApi.disconnected');
          })
        }
      >
        {i18n.t('openApi.disconnect')}
      </button>
      <OutcomeMessage outcome={action.message} />
    </div>
  );
}
