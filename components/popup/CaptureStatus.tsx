import { i18n } from '../common/i18n';
import { useEffect, useState } from 'react';
import { extensionPageUrl, resolvePopupTabId } from './active-tab-adapter';
import { useBackground } from '../common/use-background';
import { BulkFetchPanel } from './BulkFetchPanel';
import './capture-status.css';

/** Popup: capture state of the current tab and captured-order counts (issue 3 part 9). */
export function CaptureStatus() {
  const [tabId, setTabId] = useState<number>(-1);
  useEffect(() => {
    void resolvePopupTabId().then((id) => id !== null && setTabId(id));
  }, []);
  const tab = useBackground('capture/tab-state', { tabId });
  const settings = useBackground('settings/get', {});
  // The counts are native index counts, kept by the background until the next write (at
  // 100,000 orders: ~1 s after a write, ms after): ask once the order list has sent its
  // first-page query, so the first rows are not queued behind them.
  const [countsWanted, setCountsWanted] = useState(false);
  useEffect(() => {
    const timer = setTimeout(() => setCountsWanted(true), 0);
    return () => clearTimeout(timer);
  }, []);
  const summary = useBackground('orders/summary', { limit: 5 }, { enabled: countsWanted });
  const state = tab.data;
  const s = summary.data;
  const optionsUrl = (hash: string) => extensionPageUrl(`/options.html#${hash}`);

  return (
    <section data-testid="CaptureStatus" className="sv-capture-status">
      <div className="sv-capture-status__head">
        <h2>{i18n.t('capture.status.title')}</h2>
        <a href={optionsUrl('authorize')} target="_blank" rel="noreferrer">
          {i18n.t('capture.status.manage')}
        </a>
      </div>
      <p
        className="sv-capture-status__state"
        data-testid="capture-state"
        data-state={!state ? 'loading' : !state.onSellerCenter ? 'off-site' : !state.shopId ? 'no-shop' : state.authorized ? 'authorized' : 'not-authorized'}
      >
        {state &&
          (!state.onSellerCenter
            ? i18n.t('capture.status.notSellerCenter')
            : !state.shopId
              ? i18n.t('capture.status.noShop')
              : state.authorized
                ? i18n.t('capture.status.authorized', [state.shopId])
                : i18n.t('capture.status.notAuthorized', [state.shopId]))}{' '}
        {state?.shopId && !state.authorized && (
          <a href={optionsUrl(`authorize?shop=${encodeURIComponent(state.shopId)}`)} target="_blank" rel="noreferrer">
            {i18n.t('capture.status.authorize')}
          </a>
        )}
      </p>
      {state?.onSellerCenter && state.shopId && state.authorized && <BulkFetchPanel tabId={tabId} shopId={state.shopId} />}
      {settings.data && !settings.data.allowSellerCenterCookies && (
        <p className="sv-error" role="status" data-testid="capture-off-cookies">
          {i18n.t('capture.status.cookiesRefused')}{' '}
          <a href={optionsUrl('policy')} target="_blank" rel="noreferrer">
            {i18n.t('capture.status.cookiesChange')}
          </a>
        </p>
      )}
      {s && (
        <dl className="sv-capture-counts">
          <div>
            <dt>{i18n.t('capture.status.toShip')}</dt>
            <dd data-testid="count-to-ship">{s.toShip}</dd>
          </div>
          <div>
            <dt>{i18n.t('capture.status.shipped')}</dt>
            <dd data-testid="count-shipped">{s.shipped}</dd>
          </div>
          <div>
            <dt>{i18n.t('capture.status.total')}</dt>
            <dd data-testid="count-total">{s.total}</dd>
          </div>
        </dl>
      )}
      {s && s.latest.length > 0 && (
        <details>
          <summary>{i18n.t('capture.status.latest')}</summary>
          <ul>
            {s.latest.map((o) => (
              <li key={o.orderSn} data-testid="latest-order" data-order-sn={o.orderSn} data-status={o.status}>
                {o.orderSn}
              </li>
            ))}
          </ul>
        </details>
      )}
    </section>
  );
}
