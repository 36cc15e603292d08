import { formatDate, i18n } from '../common/i18n';
import { endOfLocalDay, runtimeUtcOffsetMinutes } from '../../utils/time/local-day';

/** Ship-by time of an unshipped order: "overdue" / "today" stand out, other days show the date. */
export function ShipByBadge({ shipBy, shipped, now }: { shipBy: number | null; shipped: boolean; now: number }) {
  if (shipBy === null || shipped) return null;
  const endOfToday = endOfLocalDay(now, runtimeUtcOffsetMinutes(now));
  if (shipBy < now) return <span className="sv-badge sv-badge--overdue">{i18n.t('export.shipBy.overdue')}</span>;
  if (shipBy < endOfToday) return <span className="sv-badge sv-badge--today">{i18n.t('export.shipBy.today')}</span>;
  return <span className="sv-muted">{i18n.t('export.shipBy.date', [formatDate(shipBy)])}</span>;
}
