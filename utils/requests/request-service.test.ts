import { describe, expect, it, vi } from 'vitest';
import { DAY, GOOD_PASSPHRASE, makeAddress, makeDeps, makeOrder, makePii, T0 } from '../../tests/support/vault-test-support';
import { verifyStoredAudit } from '../audit/audit-log';
import { buildEvidenceReport } from '../compliance/evidence-pack';
import { evidencePackOf } from '../compliance/evidence-pack-file';
import { TEST_SCRYPT_COST } from '../crypto/key-wrap';
import { listIncidents, recordIncident } from '../incidents/incident-service';
import { openBuyers, storeCapturedAddresses } from '../vault/buyer-store';
import { lockVault, setupVault, unlockVault } from '../vault/vault-service';
import { HOUR_MS } from './request-deadlines';
import {
  accessData,
  advanceRequest,
  deleteRequestData,
  delayRequest,
  findBuyer,
  linkOrders,
  listRequests,
  readRequestNotes,
  recordRequest,
  REQUEST_NOTES_KEEP_MS,
} from './request-service';
import { correctBuyerPii } from '../vault/buyer-store';

async function desk() {
  const deps = makeDeps();
  deps.exportFiles.removeDownload = vi.fn(async () => 'removed' as const);
  await deps.db.orders.bulkPut(['PO-1', 'PO-2'].map((sn) => makeOrder(sn, { shippedAt: T0, status: 'shipped' })));
  await setupVault(deps, GOOD_PASSPHRASE, 'options', TEST_SCRYPT_COST);
  await storeCapturedAddresses(
    deps,
    [makeAddress('PO-1', makePii('Ana Lima', { email: 'ana@relay.example', phone: '+1 555 010 0001' })), makeAddress('PO-2', makePii('Bo Chen'))],
    'content',
    // The seller captures e-mails here (off by default since issue 15's data minimization).
    { retentionDays: 28, fieldsOff: [] },
  );
  return deps;
}

describe('buyer request service (injected clock)', () => {
  it('records sealed notes, moves through its states with deadlines, finds the buyer and answers access with exactly their data', async () => {
    const deps = await desk();
    const view = await recordRequest(deps, { kind: 'access', receivedAt: T0 - HOUR_MS, contact: 'ana@relay.example', details: 'Please send my data' }, 'options');
    expect(view).toMatchObject({ state: 'received', verifyDueAt: T0 + 23 * HOUR_MS, urgency: 'on-track', notesExpireAt: T0 - HOUR_MS + REQUEST_NOTES_KEEP_MS });
    const stored = await deps.db.requests.get(view.id);
    expect(new TextDecoder().decode(stored!.sealed!)).not.toContain('ana@relay.example');
    expect((await readRequestNotes(deps, [view.id], 'options'))[view.id]).toMatchObject({ contact: 'ana@relay.example' });

    deps.clock.now = T0 + 11 * HOUR_MS + 1;
    expect((await listRequests(deps))[0]!.urgency).toBe('due-soon');
    // Hours later the vault has locked itself (idle): the seller unlocks to search.
    await lockVault(deps, 'options', 'lock');
    await unlockVault(deps, GOOD_PASSPHRASE, 'options');
    await advanceRequest(deps, view.id, { type: 'verify' }, 'options');
    const { matches } = await findBuyer(deps, 'ana@relay.example', 'options');
    expect(matches.map((m) => m.orderSn)).toEqual(['PO-1']);
    expect((await findBuyer(deps, '5550100001', 'options')).matches.map((m) => m.orderSn)).toEqual(['PO-1']);
    await linkOrders(deps, view.id, ['PO-1', 'PO-unknown'], 'options');
    const data = await accessData(deps, view.id, 'options');
    expect(data.records.map((r) => [r.orderSn, r.buyer.name])).toEqual([['PO-1', 'Ana Lima']]);
    const done = await advanceRequest(deps, view.id, { type: 'complete' }, 'options');
    expect(done).toMatchObject({ state: 'completed', urgency: 'closed', outcome: { verifiedOnTime: true, completedOnTime: true, withinSevenDays: true } });
    await expect(advanceRequest(deps, view.id, { type: 'verify' }, 'options')).rejects.toMatchObject({ code: 'conflict' });
    // Search needs the vault unlocked.
    await lockVault(deps, 'options', 'lock');
    await expect(findBuyer(deps, 'Ana', 'options')).rejects.toMatchObject({ code: 'locked' });
  });

  it('a correction re-seals the address (old shred key gone) and audits field names only; a deletion erases through the purge path', async () => {
    const deps = await desk();
    const before = await deps.db.buyers.get('PO-1');
    const result = await correctBuyerPii(deps, 'PO-1', { addressLine1: '99 New Street', city: 'Porto' }, 'options', 'request:1');
    expect(result.changedFields).toEqual(['addressLine1', 'city']);
    const after = await deps.db.buyers.get('PO-1');
    expect(after!.purgeAt).toBe(before!.purgeAt);
    expect((await openBuyers(deps, ['PO-1'], 'options')).results['PO-1']).toMatchObject({ state: 'ok', pii: { addressLine1: '99 New Street', city: 'Porto', name: 'Ana Lima' } });
    const audit = await deps.db.audit.where('action').equals('buyers.correct').first();
    expect(audit!.detail).toBe('request:1 fields:addressLine1,city');
    expect(JSON.stringify(await deps.db.audit.toArray())).not.toContain('New Street');
    await expect(correctBuyerPii(deps, 'PO-1', { email: 'not-an-email'.repeat(40) }, 'options', 'x')).rejects.toMatchObject({ code: 'invalid-request' });

    const del = await recordRequest(deps, { kind: 'delete', receivedAt: T0, contact: 'bo@relay.example', details: '' }, 'options');
    await advanceRequest(deps, del.id, { type: 'verify' }, 'options');
    await linkOrders(deps, del.id, ['PO-2'], 'options');
    await deps.db.exports.add({
      createdAt: T0,
      purgeAt: T0 + 20 * DAY,
      downloadId: 7,
      fileName: 'labels.pdf',
      format: 'pdf-4x6',
      orderSns: ['PO-2'],
      state: 'live',
      removedAt: null,
    });
    expect(await deleteRequestData(deps, del.id, 'options')).toEqual({ deletedBuyers: 1, removedFiles: 1 });
    expect(await deps.db.buyers.get('PO-2')).toBeUndefined();
    expect((await deps.db.orders.get('PO-2'))!.piiState).toBe('purged');
    expect(await deps.shredKeys.forgetOrders(['PO-2'])).toBe(0);
    expect((await verifyStoredAudit(deps.db)).ok).toBe(true);
  });

  it('a delay keeps the policy judgement, moves the working deadline and re-seals the reason', async () => {
    const deps = await desk();
    const view = await recordRequest(deps, { kind: 'correct', receivedAt: T0, contact: 'ana@relay.example', details: '' }, 'options');
    deps.clock.now = T0 + 20 * HOUR_MS;
    await lockVault(deps, 'options', 'lock');
    await unlockVault(deps, GOOD_PASSPHRASE, 'options');
    const delayed = await delayRequest(deps, view.id, 'Waiting for the buyer to confirm', T0 + 40 * HOUR_MS, 'options');
    expect(delayed.working).toEqual({ step: 'verify', dueAt: T0 + 40 * HOUR_MS });
    expect((await readRequestNotes(deps, [view.id], 'options'))[view.id]).toMatchObject({ delayReason: 'Waiting for the buyer to confirm' });
    deps.clock.now = T0 + 25 * HOUR_MS;
    expect((await listRequests(deps))[0]).toMatchObject({ urgency: 'on-track', outcome: { verifiedOnTime: false } });
  });

  it('the evidence pack holds no buyer name, phone, email or address line', async () => {
    const deps = await desk();
    const req = await recordRequest(deps, { kind: 'access', receivedAt: T0, contact: 'ana@relay.example', details: 'Ana Lima asks' }, 'options');
    await advanceRequest(deps, req.id, { type: 'verify' }, 'options');
    await linkOrders(deps, req.id, ['PO-1'], 'options');
    await correctBuyerPii(deps, 'PO-1', { addressLine1: '1 Secret Road' }, 'options', 'request:1');
    await recordIncident(
      deps,
      { detectedAt: T0, summary: 'Laptop stolen', dataCategories: ['buyer-address'], affectedOrderSns: ['PO-1'], actionsTaken: '', shopIds: [] },
      'options',
    );
    const pack = evidencePackOf(
      buildEvidenceReport({
        now: deps.now(),
        policyVersion: '1.0',
        retentionDaysMax: 28,
        retentionDays: 28,
        status: { ordersWithPii: 2, nextPurgeAt: T0 + 28 * DAY, upcoming: [], lastPurge: null, shops: [], liveFiles: 0 },
        notices: [],
        requests: await listRequests(deps),
        incidents: await listIncidents(deps),
        audit: await verifyStoredAudit(deps.db),
        auditRetentionDays: 365,
      }),
    );
    const text = JSON.stringify(pack);
    for (const secret of ['Ana Lima', 'Bo Chen', 'ana@relay.example', '555 010 0001', '1 Secret Road', makePii('Bo Chen').addressLine1, 'Laptop stolen'])
      expect(text).not.toContain(secret);
    expect(pack.requests[0]).toMatchObject({ kind: 'access', state: 'verified', verifiedOnTime: true });
    expect(pack.incidents[0]).toMatchObject({ state: 'open', affectedOrders: 1, dataCategories: ['buyer-address'] });
    expect(pack.recordsOfProcessing.find((g) => g.table === 'buyers')!.fields.map((f) => f.name)).toContain('addressLine1');
  });
});
