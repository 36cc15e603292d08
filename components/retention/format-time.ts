import { MessageError } from '../../utils/messaging/envelope';

/** Date and time in the viewer's locale and zone (stored times are epoch ms UTC). */
export function formatDateTime(at: number): string {
  return new Date(at).toLocaleString();
}

export function formatDay(at: number): string {
  return new Date(at).toLocaleDateString();
}

/** "2 d 5 h", "3 h 20 min", "45 min" — for the elapsed time of a deletion notice. */
export function formatElapsed(ms: number): string {
  const minutes = Math.round(ms / 60_000);
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  if (days > 0) return `${days} d ${hours} h`;
  if (hours > 0) return `${hours} h ${minutes % 60} min`;
  return `${minutes} min`;
}

export function errorText(err: unknown): string {
  if (err instanceof MessageError) return err.message;
  return err instanceof Error ? err.message : String(err);
}
