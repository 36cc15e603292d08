import { recordAudit } from '../audit/audit-log';
import type { BackgroundDeps } from '../background-deps';
import type { AuditActor } from '../db/records';

/**
 * Merges repeated capture refusals into one audit entry per kind and reason per window (issue 10:
 * 300 malformed captures once wrote 305 entries in 9 s). The first refusal of a window is written
 * at once; the rest are counted and written as one entry with the count when the window closes.
 * Counts not yet written when the worker stops are lost; the first one of the burst is always in
 * the log.
 */
export const REJECTION_WINDOW_MS = 60_000;

interface OpenWindow {
  startedAt: number;
  pending: number;
  chars: number;
  actor: AuditActor;
}

export function createRejectionLog(deps: Pick<BackgroundDeps, 'db' | 'now' | 'notifyChanged'>, windowMs = REJECTION_WINDOW_MS) {
  const windows = new Map<string, OpenWindow>();

  async function write(detail: string, count: number, chars: number, actor: AuditActor) {
    await recordAudit(deps.db, deps.now(), { actor, action: 'capture.rejected', counts: { count, chars }, detail });
    await deps.notifyChanged();
  }

  async function flush(detail: string) {
    const open = windows.get(detail);
    windows.delete(detail);
    if (open && open.pending > 0) await write(detail, open.pending, open.chars, open.actor);
  }

  return {
    /** One refusal (or `count` merged by the page): audited as `kind:reason`, merged within the window. */
    async record(kind: string, reason: string, chars: number, actor: AuditActor, count = 1): Promise<void> {
      const detail = `${kind}:${reason}`;
      const now = deps.now();
      const open = windows.get(detail);
      if (open && now - open.startedAt < windowMs) {
        open.pending += count;
        open.chars += chars;
        return;
      }
      if (open) await flush(detail);
      windows.set(detail, { startedAt: now, pending: 0, chars: 0, actor });
      setTimeout(() => void flush(detail).catch((err) => console.error('[seller-vault] writing merged rejections failed', err)), windowMs);
      await write(detail, count, chars, actor);
    },
  };
}
export type RejectionLog = ReturnType<typeof createRejectionLog>;

/**
 * A per-key limit of `max` events per sliding `windowMs` (per-tab capture budget). Pure: time is a
 * parameter. Keys with no recent events are forgotten.
 */
export function createRateLimiter(max: number, windowMs: number) {
  const events = new Map<string, number[]>();
  return {
    allow(key: string, now: number): boolean {
      const recent = (events.get(key) ?? []).filter((t) => now - t < windowMs);
      const allowed = recent.length < max;
      if (allowed) recent.push(now);
      if (recent.length > 0) events.set(key, recent);
      else events.delete(key);
      return allowed;
    },
  };
}
