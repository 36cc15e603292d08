/** Repeating safety-net sweep (issue 5: every 30 min) and the one-shot at the next purgeAt. */
export const SWEEP_ALARM = 'retention-sweep';
export const NEXT_PURGE_ALARM = 'retention-next-purge';
export const SWEEP_PERIOD_MINUTES = 30;

export function isRetentionAlarm(name: string): boolean {
  return name === SWEEP_ALARM || name === NEXT_PURGE_ALARM;
}
