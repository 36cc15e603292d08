import { useBackground } from '../common/use-background';
import { formatDateTime, viewerTzOffsetMinutes } from '../retention/format-time';

/** Popup footer: when buyer data is next deleted, and how many orders that day. */
export function RetentionLine() {
  const { data } = useBackground('retention/next', { tzOffsetMinutes: viewerTzOffsetMinutes() });
  if (!data) return null;
  return (
    <p className="sv-muted" data-testid="next-purge">
      {data.nextPurgeAt == null ? i18n.t('retention.line.none') : i18n.t('retention.line.next', [formatDateTime(data.nextPurgeAt), String(data.countThatDay)])}
    </p>
  );
}
