import { countOf, i18n } from '../common/i18n';
import { useBackground } from '../common/use-background';
import { ClearAllForm } from '../retention/ClearAllForm';
import { errorText, formatDateTime } from '../retention/format-time';
import { runtimeUtcOffsetMinutes } from '../../utils/time/local-day';
import { PurgeNowButton } from '../retention/PurgeNowButton';
import { RetentionDaysForm } from '../retention/RetentionDaysForm';
import { ShopBreakdown } from '../retention/ShopBreakdown';
import { UpcomingPurges } from '../retention/UpcomingPurges';
import '../retention/retention.css';

/** Options → Retention: what is held, when it goes, the period, and "clear all" (issue 5). */
export function RetentionPage() {
  const status = useBackground('retention/status', { utcOffsetMinutes: runtimeUtcOffsetMinutes(), days: 5 });
  const settings = useBackground('settings/get', {});
  const s = status.data;
  const retentionDays = settings.data?.retentionDays ?? 28;
  return (
    <section data-testid="RetentionPage">
      <h2>{i18n.t('retention.title')}</h2>
      <p>{i18n.t('retention.intro', [countOf('days', retentionDays)])}</p>
      <p className="sv-muted">{i18n.t('retention.noCache')}</p>
      {status.error && (
        <p className="sv-error" role="alert">
          {errorText(status.error)}
        </p>
      )}
      {s && (
        <>
          <dl className="sv-retention-summary">
            <dt>{i18n.t('retention.held')}</dt>
            <dd data-testid="orders-with-pii">{s.ordersWithPii}</dd>
            <dt>{i18n.t('retention.liveFiles')}</dt>
            <dd data-testid="live-files">{s.liveFiles}</dd>
            <dt>{i18n.t('retention.lastPurge')}</dt>
            <dd data-testid="last-purge">
              {s.lastPurge ? i18n.t('retention.lastPurgeValue', [formatDateTime(s.lastPurge.at), countOf('orders', s.lastPurge.orders)]) : i18n.t('retention.never')}
            </dd>
          </dl>
          <h3>{i18n.t('retention.nextPurges')}</h3>
          <UpcomingPurges days={s.upcoming} />
          <h3>{i18n.t('retention.shops')}</h3>
          <ShopBreakdown shops={s.shops} />
          <PurgeNowButton />
        </>
      )}
      {settings.data && <RetentionDaysForm current={settings.data.retentionDays} />}
      <ClearAllForm />
    </section>
  );
}
