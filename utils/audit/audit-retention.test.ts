import { describe, expect, it } from 'vitest';
import { AppDb } from '../db/app-db';
import { readMeta, writeMeta } from '../meta-store';
import { signCheckpoint, newSigningKey, verifyCheckpoint } from './audit-checkpoint';
import type { AuditHead } from './audit-head';
import { createAuditHeadTracker, pruneAuditLog, recordAudit, verifyStoredAudit } from './audit-log';

const DAY = 86_400_000;
const T0 = Date.UTC(2026, 0, 1);

function memoryHead() {
  let head: AuditHead | null = null;
  return { read: async () => head, write: async (h: AuditHead) => void (head = h), get: () => head };
}

async function logWithHead(n: number, at: (i: number) => number) {
  const db = new AppDb(`audit-${crypto.randomUUID()}`);
  const store = memoryHead();
  const tracker = createAuditHeadTracker(db, store);
  db.onAuditCommitted(() => void tracker.committed());
  for (let i = 0; i < n; i++) await recordAudit(db, at(i), { actor: 'background', action: i % 2 ? 'vault.lock' : 'buyers.open' });
  await tracker.committed();
  return { db, store, tracker };
}

describe('audit retention, checkpoint and chain head', () => {
  it('keeps the head outside the log after every commit; deleting the newest entries is detected', async () => {
    const { db, store, tracker } = await logWithHead(6, (i) => T0 + i);
    expect(store.get()).toMatchObject({ seq: 6 });
    expect(await verifyStoredAudit(db, store.get())).toMatchObject({ ok: true, checked: 6 });
    await db.audit.bulkDelete([5, 6]);
    // The chain that is left is valid on its own: only the head shows the loss.
    expect((await verifyStoredAudit(db)).ok).toBe(true);
    expect(await verifyStoredAudit(db, store.get())).toMatchObject({ ok: false, reason: 'truncated', brokenAtSeq: 5, lastSeq: 4 });
    // A later entry does not hide it: the head never moves past a log that lost it.
    await recordAudit(db, T0 + 10, { actor: 'popup', action: 'vault.unlock' });
    await tracker.committed();
    expect(store.get()).toMatchObject({ seq: 6 });
    expect(await verifyStoredAudit(db, store.get())).toMatchObject({ ok: false });
  });

  it('names the first changed entry', async () => {
    const { db, store } = await logWithHead(5, (i) => T0 + i);
    await db.audit.update(3, { counts: { forged: 1 } });
    const result = await verifyStoredAudit(db, store.get());
    expect(result).toMatchObject({ ok: false, brokenAtSeq: 3, reason: 'hash-mismatch', brokenEntry: { seq: 3, action: 'buyers.open' } });
  });

  it('prunes entries older than the retention period (never below 90 days) behind a signed checkpoint; the chain stays verifiable', async () => {
    // Entries 1..4 are 400 days old, 5..6 are 10 days old (default retention 365 days).
    const now = T0 + 400 * DAY;
    const { db, store, tracker } = await logWithHead(6, (i) => (i < 4 ? T0 + i : now - 10 * DAY + i));
    const { pruned, checkpoint } = await pruneAuditLog(db, now, store.get());
    await tracker.committed();
    expect(pruned).toBe(4);
    expect(checkpoint).toMatchObject({ throughSeq: 4, prunedTotal: 4, cutoff: now - 365 * DAY });
    expect(verifyCheckpoint(checkpoint!)).toBe(true);
    expect((await db.audit.toCollection().primaryKeys()).sort((a, b) => Number(a) - Number(b))).toEqual([5, 6, 7]);
    expect((await db.audit.get(7))!.action).toBe('audit.prune');
    expect(await verifyStoredAudit(db, store.get())).toMatchObject({ ok: true, checked: 3, checkpoint: { throughSeq: 4 } });

    // Removing a kept entry right after the checkpoint is still detected.
    const five = (await db.audit.get(5))!;
    await db.audit.delete(5);
    expect(await verifyStoredAudit(db, store.get())).toMatchObject({ ok: false, reason: 'link-broken', brokenAtSeq: 6 });
    await db.audit.put(five);

    // A checkpoint edited (to hide more removed entries) without the extension's key fails.
    const forged = { ...checkpoint!, throughSeq: 5 };
    await writeMeta(db, 'audit.checkpoint', forged);
    expect(await verifyStoredAudit(db, store.get())).toMatchObject({ ok: false, reason: 'checkpoint-invalid' });
    // Re-signed with another key: refused too (the extension's public key is kept with its secret).
    await writeMeta(db, 'audit.checkpoint', signCheckpoint({ ...checkpoint!, throughSeq: 4 }, newSigningKey()));
    expect(await verifyStoredAudit(db, store.get())).toMatchObject({ ok: false, reason: 'checkpoint-invalid' });
  });

  it('keeps 90 days at least and never prunes the newest entry', async () => {
    const now = T0 + 1000 * DAY;
    const { db, store } = await logWithHead(3, (i) => T0 + i);
    await writeMeta(db, 'audit.retentionDays', 30);
    const { pruned } = await pruneAuditLog(db, now, store.get());
    expect(pruned).toBe(2);
    expect((await readMeta(db, 'audit.checkpoint'))!.cutoff).toBe(now - 90 * DAY);
    expect(await db.audit.count()).toBe(2);
    // Nothing old enough: nothing pruned.
    const fresh = await logWithHead(3, (i) => now - DAY + i);
    expect((await pruneAuditLog(fresh.db, now, fresh.store.get())).pruned).toBe(0);
  });
});
