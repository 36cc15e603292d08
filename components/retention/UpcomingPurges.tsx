import { i18n } from '../common/i18n';
import type { PurgeDay } from '../../utils/retention/purge-schedule';
import { formatDateTime, formatDay } from './format-time';

/** The next days on which buyer data is deleted, with counts. */
export function UpcomingPurges({ days }: { days: PurgeDay[] }) {
  if (days.length === 0) return <p className="sv-muted">{i18n.t('retention.nothingHeld')}</p>;
  return (
    <table data-testid="upcoming-purges">
      <thead>
        <tr>
          <th>{i18n.t('retention.day')}</th>
          <th>{i18n.t('retention.firstAt')}</th>
          <th>{i18n.t('retention.orders')}</th>
        </tr>
      </thead>
      <tbody>
        {days.map((day) => (
          <tr key={day.dayStart}>
            <td>{formatDay(day.first)}</td>
            <td>{formatDateTime(day.first)}</td>
            <td>{day.count}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
