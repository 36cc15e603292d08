import type { BackgroundDeps } from '../background-deps';
import type { AppDb } from '../db/app-db';

/**
 * The earliest moment retention has work to do: the first buyers purgeAt, an order still
 * marked with a purgeAt, or a live export file's purgeAt — but not before its retryAfter when its
 * last removal failed (else a stuck file would re-arm a past deadline, i.e. the alarm's 30 s
 * minimum, forever). Index lookups only.
 */
export async function nextRetentionDeadline(db: AppDb): Promise<number | null> {
  const [buyer, order, liveFiles] = await Promise.all([
    db.buyers.orderBy('purgeAt').first(),
    db.orders.orderBy('purgeAt').first(),
    db.exports.where('state').equals('live').toArray(),
  ]);
  const times = [buyer?.purgeAt, order?.purgeAt, ...liveFiles.map((f) => Math.max(f.purgeAt, f.retryAfter ?? f.purgeAt))].filter((t): t is number => typeof t === 'number');
  return times.length ? Math.min(...times) : null;
}

/**
 * Delay for the one-shot alarm, measured on the service's own clock (deps.now) rather than as an
 * absolute `when`: the alarm then fires at the right moment whatever the wall clock says, and a
 * deadline already passed fires at once (Chromium raises it to its 30 s minimum for packed builds).
 */
export function nextPurgeDelayMinutes(deadline: number, now: number): number {
  return Math.max(0, deadline - now) / 60_000;
}

/** (Re-)arms the one-shot alarm at the next deadline, or clears it when nothing is held; answers the deadline. */
export async function armNextPurgeAlarm(deps: Pick<BackgroundDeps, 'db' | 'retentionAlarms'>, now: number): Promise<number | null> {
  const deadline = await nextRetentionDeadline(deps.db);
  await deps.retentionAlarms.armNextPurge(deadline == null ? null : nextPurgeDelayMinutes(deadline, now));
  return deadline;
}
