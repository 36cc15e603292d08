import { describe, expect, it } from 'vitest';
import { AppDb } from '../db/app-db';
import type { AuditRecord } from '../db/records';
import { chainAuditEntry, GENESIS_HASH, verifyAuditChain } from './audit-chain';
import { appendAudit, countAuditByAction, listAuditPage, recordAudit, verifyStoredAudit } from './audit-log';

function buildChain(n: number): AuditRecord[] {
  const entries: AuditRecord[] = [];
  for (let i = 0; i < n; i++) {
    entries.push(
      chainAuditEntry(entries.at(-1), {
        at: 1_000 + i,
        actor: i % 2 ? 'popup' : 'background',
        action: i % 3 ? 'buyers.open' : 'capture.addresses',
        counts: { stored: i },
        orderSns: [`PO-${i}`],
        detail: null,
      }),
    );
  }
  return entries;
}

describe('audit chain verification', () => {
  it('accepts an untouched chain', () => {
    const chain = buildChain(6);
    expect(chain[0]!.prevHash).toBe(GENESIS_HASH);
    expect(verifyAuditChain(chain)).toEqual({ ok: true, checked: 6 });
    expect(verifyAuditChain(chain, GENESIS_HASH).ok).toBe(true);
  });

  it('detects an edited entry (counts, order numbers, action or time)', () => {
    const edits: ((e: AuditRecord) => AuditRecord)[] = [
      (e) => ({ ...e, counts: { stored: 999 } }),
      (e) => ({ ...e, orderSns: ['PO-X'] }),
      (e) => ({ ...e, action: 'vault.unlock' }),
      (e) => ({ ...e, at: e.at + 1 }),
    ];
    for (const edit of edits) {
      const chain = buildChain(6);
      chain[3] = edit(chain[3]!);
      expect(verifyAuditChain(chain)).toMatchObject({ ok: false, brokenAtSeq: 4, reason: 'hash-mismatch' });
    }
  });

  it('detects an edited entry whose hash was recomputed (the next link breaks)', () => {
    const chain = buildChain(6);
    const { hash: _h, prevHash: _p, ...body } = chain[2]!;
    chain[2] = chainAuditEntry(chain[1], { ...body, counts: { stored: 42 } });
    expect(verifyAuditChain(chain)).toMatchObject({ ok: false, brokenAtSeq: 4, reason: 'link-broken' });
  });

  it('detects a deleted entry', () => {
    const chain = buildChain(6);
    chain.splice(2, 1);
    expect(verifyAuditChain(chain)).toMatchObject({ ok: false, brokenAtSeq: 4, reason: 'sequence-gap' });
  });

  it('detects a deleted first entry when the anchor is pinned', () => {
    const chain = buildChain(4).slice(1);
    expect(verifyAuditChain(chain).ok).toBe(true);
    expect(verifyAuditChain(chain, GENESIS_HASH)).toMatchObject({ ok: false, brokenAtSeq: 2, reason: 'link-broken' });
  });

  it('detects reordered entries', () => {
    const chain = buildChain(6);
    [chain[2], chain[3]] = [chain[3]!, chain[2]!];
    expect(verifyAuditChain(chain)).toMatchObject({ ok: false, brokenAtSeq: 4, reason: 'sequence-gap' });
    // Reordered and renumbered to hide the gap: the links no longer match.
    const renumbered = buildChain(6);
    const a = renumbered[2]!;
    const b = renumbered[3]!;
    renumbered[2] = { ...b, seq: 3 };
    renumbered[3] = { ...a, seq: 4 };
    expect(verifyAuditChain(renumbered)).toMatchObject({ ok: false, brokenAtSeq: 3 });
  });
});

describe('stored audit log', () => {
  it('appends, pages newest first, counts by action and verifies; detects an edit in the database', async () => {
    const db = new AppDb(`test-${crypto.randomUUID()}`);
    for (let i = 0; i < 7; i++) await recordAudit(db, 1000 + i, { actor: 'popup', action: i < 5 ? 'buyers.open' : 'vault.lock', orderSns: [`PO-${i}`] });
    await db.transaction('rw', db.audit, () => appendAudit(db, 2000, { actor: 'options', action: 'vault.unlock' }));
    expect((await listAuditPage(db, 3)).map((e) => e.seq)).toEqual([8, 7, 6]);
    expect((await listAuditPage(db, 3, 6)).map((e) => e.seq)).toEqual([5, 4, 3]);
    expect((await listAuditPage(db, 3, 2)).map((e) => e.seq)).toEqual([1]);
    expect(await countAuditByAction(db)).toEqual({ 'buyers.open': 5, 'vault.lock': 2, 'vault.unlock': 1 });
    expect(await verifyStoredAudit(db)).toMatchObject({ ok: true, checked: 8 });
    await db.audit.update(5, { orderSns: ['PO-forged'] });
    expect(await verifyStoredAudit(db)).toMatchObject({ ok: false, brokenAtSeq: 5 });
    await db.audit.update(5, { orderSns: ['PO-4'] });
    expect((await verifyStoredAudit(db)).ok).toBe(true);
    await db.audit.delete(1);
    expect(await verifyStoredAudit(db)).toMatchObject({ ok: false, brokenAtSeq: 2, reason: 'link-broken' });
  });
});
