import { countOf, i18n } from '../common/i18n';
import { useBackground } from '../common/use-background';
import { formatDateTime } from '../retention/format-time';
import { runtimeUtcOffsetMinutes } from '../../utils/time/local-day';

/** Popup footer: when buyer data is next deleted, and how many orders that day. */
export function RetentionLine() {
  const { data } = useBackground('retention/next', { utcOffsetMinutes: runtimeUtcOffsetMinutes() });
  if (!data) return null;
  return (
    <p className="sv-muted" data-testid="next-purge">
      {data.nextPurgeAt == null ? i18n.t('retention.line.none') : i18n.t('retention.line.next', [formatDateTime(data.nextPurgeAt), countOf('orders', data.countThatDay)])}
    </p>
  );
}
