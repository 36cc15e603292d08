import { countOf, formatNumber, i18n } from '../common/i18n';
import type { NoticeView } from '../../utils/retention/deletion-notices';
import { formatDateTime, formatElapsed } from './format-time';

function scopeText(scope: NoticeView['scope']): string {
  if (scope.kind === 'all') return i18n.t('notices.scopeAll');
  if (scope.kind === 'shop') return i18n.t('notices.scopeShop', [scope.shopId]);
  return i18n.t('notices.scopeOrders', scope.orderSns.length, [formatNumber(scope.orderSns.length)]);
}

/** Each notice: received, carried out (elapsed vs the 72-hour promise), and the re-run 90-day check. */
export function NoticeList({ notices }: { notices: NoticeView[] }) {
  if (notices.length === 0) return <p className="sv-muted">{i18n.t('notices.list.empty')}</p>;
  return (
    <table data-testid="notice-list">
      <thead>
        <tr>
          <th>{i18n.t('notices.list.received')}</th>
          <th>{i18n.t('notices.list.scope')}</th>
          <th>{i18n.t('notices.list.carriedOut')}</th>
          <th>{i18n.t('notices.list.elapsed')}</th>
          <th>{i18n.t('notices.list.check')}</th>
          <th>{i18n.t('notices.list.reference')}</th>
        </tr>
      </thead>
      <tbody>
        {notices.map((n) => (
          <tr key={n.id} data-testid="notice-row">
            <td>{formatDateTime(n.receivedAt)}</td>
            <td>{scopeText(n.scope)}</td>
            <td>{n.carriedOutAt == null ? '—' : formatDateTime(n.carriedOutAt)}</td>
            <td>
              {n.elapsedMs == null ? '—' : formatElapsed(n.elapsedMs)}{' '}
              <span className={n.withinPromise ? 'sv-ok' : 'sv-error'}>{n.withinPromise ? i18n.t('notices.list.within72') : i18n.t('notices.list.late72')}</span>
            </td>
            <td data-testid="notice-check">
              {n.check.clean ? (
                <span className="sv-ok">{i18n.t('notices.list.checkClean', [formatDateTime(n.check.checkedAt)])}</span>
              ) : (
                <span className="sv-error">
                  {i18n.t('notices.list.checkDirty', [
                    countOf('buyerRecords', n.check.buyersLeft),
                    countOf('files', n.check.liveFiles),
                    countOf('sessionCaches', n.check.sessionCaches),
                  ])}
                </span>
              )}{' '}
              <span className="sv-muted">{i18n.t('notices.list.checkBy', [formatDateTime(n.liveCopyDueBy)])}</span>
              {n.unmatchedOrderSns.length > 0 && (
                <p className="sv-error" data-testid="notice-unmatched">
                  {i18n.t('retentionFix.unmatched', n.unmatchedOrderSns.length, [formatNumber(n.unmatchedOrderSns.length), n.unmatchedOrderSns.join(', ')])}
                </p>
              )}
            </td>
            <td>{n.reference}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
