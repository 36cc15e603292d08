import { browser } from 'wxt/browser';
import type { AppDb } from '../db/app-db';
import { nextPurgeDelayMinutes, nextRetentionDeadline } from './next-deadline';

/** Repeating safety-net sweep (issue 5: every 30 min) and the one-shot at the next purgeAt. */
export const SWEEP_ALARM = 'retention-sweep';
export const NEXT_PURGE_ALARM = 'retention-next-purge';
export const SWEEP_PERIOD_MINUTES = 30;

export function isRetentionAlarm(name: string): boolean {
  return name === SWEEP_ALARM || name === NEXT_PURGE_ALARM;
}

/**
 * Alarms survive worker restarts but not every browser update or profile restore; checked at every
 * wake and re-created only when missing, so an existing sweep keeps its schedule.
 */
export async function ensureSweepAlarm(): Promise<boolean> {
  if (await browser.alarms.get(SWEEP_ALARM)) return false;
  await browser.alarms.create(SWEEP_ALARM, { periodInMinutes: SWEEP_PERIOD_MINUTES, delayInMinutes: SWEEP_PERIOD_MINUTES });
  return true;
}

/** (Re-)arms the one-shot alarm at the next deadline, or clears it when nothing is held. */
export async function armNextPurgeAlarm(db: AppDb, now: number): Promise<number | null> {
  const deadline = await nextRetentionDeadline(db);
  if (deadline == null) {
    await browser.alarms.clear(NEXT_PURGE_ALARM);
    return null;
  }
  await browser.alarms.create(NEXT_PURGE_ALARM, { delayInMinutes: nextPurgeDelayMinutes(deadline, now) });
  return deadline;
}
