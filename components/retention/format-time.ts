import { MessageError } from '../../utils/messaging/envelope';
import { formatDate, formatDateTime, formatNumber, i18n } from '../common/i18n';

/** Date and time in the page's language and the viewer's zone (stored times are epoch ms UTC). */
export { formatDateTime };

export function formatDay(at: number): string {
  return formatDate(at);
}

/** "2 d 5 h", "3 h 20 min", "45 min" (or "2 天 5 小时" …) — for the elapsed time of a deletion notice. */
export function formatElapsed(ms: number): string {
  const minutes = Math.round(ms / 60_000);
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  if (days > 0) return i18n.t('time.elapsedDays', [formatNumber(days), String(hours)]);
  if (hours > 0) return i18n.t('time.elapsedHours', [String(hours), String(minutes % 60)]);
  return i18n.t('time.elapsedMinutes', [String(minutes)]);
}

export function errorText(err: unknown): string {
  if (err instanceof MessageError) return err.message;
  return err instanceof Error ? err.message : String(err);
}
