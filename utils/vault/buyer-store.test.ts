import Dexie from 'dexie';
import { describe, expect, it, vi } from 'vitest';
import { TEST_SCRYPT_COST } from '../crypto/key-wrap';
import { isQuotaError } from '../messaging/quota-error';
import { settingsStore } from '../settings/settings-adapter';
import { erasePiiInTransaction } from '../retention/pii-eraser';
import { purgeDueBuyers } from '../retention/purge-service';
import { openBuyers, removeBuyerFields, resolveAddressChange, reviewPendingAddresses, storeCapturedAddresses } from './buyer-store';
import { createVaultHandlers } from './vault-handlers';
import { shredRefOf } from '../crypto/sealed-box';
import { lockVault, setupVault, unlockVault } from './vault-service';
import { DAY, GOOD_PASSPHRASE, makeAddress, makeDeps, makeOrder, makePii, T0 } from '../../tests/support/vault-test-support';
import { memoryShredFiles, memoryShredKeys } from '../../tests/support/memory-shred-files';
import { isStagingKeyName } from '../shred/staged-keys';

const names = {
  latin: 'Zoë Ñúñez-Łukasiewicz',
  cyrillic: 'Юлия Андреевна Смирнова',
  cjk: '王小明 🏠',
};

async function vaultWithOrders(orderSns: string[]) {
  const deps = makeDeps();
  await deps.db.orders.bulkPut(orderSns.map((sn) => makeOrder(sn)));
  await setupVault(deps, GOOD_PASSPHRASE, 'options', TEST_SCRYPT_COST);
  return deps;
}

describe('openBuyers: the caller part in the read transaction (export/prepare, issue 11)', () => {
  it('appends the caller entry right after buyers.open, with the rows read and the buyers write count before the read', async () => {
    const deps = await vaultWithOrders(['PO-1', 'PO-2']);
    await storeCapturedAddresses(deps, [makeAddress('PO-1', makePii('A'))], 'content');
    const writesBefore = deps.db.writeCount('buyers');
    let seen: { rows: unknown[]; opened: string[]; buyersWrites: number } | null = null;
    await openBuyers(deps, ['PO-1', 'PO-2'], 'popup', {
      alsoInTransaction: async ({ rows, results, buyersWrites }) => {
        seen = { rows: rows.map((r) => r?.orderSn), opened: Object.keys(results).filter((sn) => results[sn]!.state === 'ok'), buyersWrites };
        return { actor: 'popup', action: 'export', counts: { orders: 1 }, orderSns: ['PO-1'], detail: 'zpl' };
      },
    });
    expect(seen).toEqual({ rows: ['PO-1', undefined], opened: ['PO-1'], buyersWrites: writesBefore });
    const audit = await deps.db.audit.orderBy('seq').toArray();
    expect(audit.slice(-2).map((a) => a.action)).toEqual(['buyers.open', 'export']);
  });

  it('a failing caller part rolls the buyers.open entry back with it', async () => {
    const deps = await vaultWithOrders(['PO-1']);
    await storeCapturedAddresses(deps, [makeAddress('PO-1', makePii('A'))], 'content');
    const before = await deps.db.audit.count();
    await expect(openBuyers(deps, ['PO-1'], 'popup', { alsoInTransaction: async () => Promise.reject(new Error('join failed')) })).rejects.toThrow('join failed');
    expect(await deps.db.audit.count()).toBe(before);
  });
});

describe('storeCapturedAddresses', () => {
  it('stages the batch’s shred keys in its own transaction, and files them when staging cannot be readied', async () => {
    for (const stagingFails of [false, true]) {
      const files = memoryShredFiles();
      const deps = makeDeps();
      deps.shredKeys = memoryShredKeys(files, deps.db);
      await deps.db.orders.bulkPut(['PO-1', 'PO-2'].map((sn) => makeOrder(sn)));
      await setupVault(deps, GOOD_PASSPHRASE, 'options', TEST_SCRYPT_COST);
      const write = files.write;
      files.write = async (name, bytes) => {
        if (stagingFails && isStagingKeyName(name)) throw new DOMException('full', 'QuotaExceededError');
        return write(name, bytes);
      };
      expect(await storeCapturedAddresses(deps, [makeAddress('PO-1', makePii('A')), makeAddress('PO-2', makePii('B'))], 'content')).toMatchObject({ stored: 2 });
      const dayFiles = [...files.files.keys()].filter((n) => !isStagingKeyName(n));
      expect({ staged: await deps.db.shredStaging.count(), dayFiles: dayFiles.length }).toEqual(stagingFails ? { staged: 0, dayFiles: 1 } : { staged: 1, dayFiles: 0 });
      const { results } = await openBuyers(deps, ['PO-1', 'PO-2'], 'popup');
      expect([results['PO-1'], results['PO-2']].map((r) => r?.state)).toEqual(['ok', 'ok']);
    }
  });

  it('seals while locked; opening needs the unlocked key and returns the exact text', async () => {
    const deps = await vaultWithOrders(['PO-1', 'PO-2', 'PO-3']);
    await lockVault(deps, 'popup', 'lock');
    const result = await storeCapturedAddresses(
      deps,
      [
        makeAddress('PO-1', makePii(names.latin)),
        makeAddress('PO-2', makePii(names.cyrillic, { addressLine1: 'ул. Ленина, д. 5, кв. 12' })),
        makeAddress('PO-3', makePii(names.cjk, { addressLine1: '北京市朝阳区建国路88号', email: null })),
      ],
      'content',
    );
    expect(result).toEqual({ stored: 3, changed: 0, unreviewed: 0, skipped: [] });
    const row = (await deps.db.buyers.get('PO-2'))!;
    expect(row.sealed[0]).toBe(0x04); // envelope v4: shred key, HChaCha20 record key
    expect(Buffer.from(row.sealed).includes(Buffer.from('Юлия'))).toBe(false);
    expect(row.purgeAt).toBe(T0 + 28 * DAY);
    expect(await deps.db.orders.get('PO-2')).toMatchObject({ piiState: 'present', purgeAt: T0 + 28 * DAY });

    await expect(openBuyers(deps, ['PO-1'], 'popup')).rejects.toMatchObject({ code: 'locked' });
    await unlockVault(deps, GOOD_PASSPHRASE, 'popup');
    const { results } = await openBuyers(deps, ['PO-1', 'PO-2', 'PO-3', 'PO-404'], 'popup');
    // E-mail and backup phone are not captured by default (issue 15, data minimization).
    expect(results['PO-1']).toEqual({ state: 'ok', pii: makePii(names.latin, { email: null, backupPhone: null }) });
    expect(results['PO-2']).toMatchObject({ state: 'ok', pii: { name: names.cyrillic, addressLine1: 'ул. Ленина, д. 5, кв. 12' } });
    expect(results['PO-3']).toMatchObject({ state: 'ok', pii: { name: names.cjk, addressLine1: '北京市朝阳区建国路88号' } });
    expect(results['PO-404']).toEqual({ state: 'none' });

    const audit = await deps.db.audit.toArray();
    const capture = audit.find((a) => a.action === 'capture.addresses')!;
    expect(capture).toMatchObject({ actor: 'content', counts: { stored: 3 }, orderSns: ['PO-1', 'PO-2', 'PO-3'] });
    const open = audit.find((a) => a.action === 'buyers.open')!;
    expect(open).toMatchObject({ actor: 'popup', counts: { requested: 4, opened: 3, cannotDecrypt: 0, none: 1 } });
    const everything = JSON.stringify(audit);
    for (const n of [...Object.values(names), 'Springfield', 'buyer@example.com', '555 0100']) expect(everything).not.toContain(n);
  });

  it('captures within ten minutes share one ephemeral key (one X25519 to open them); later ones and another vault get a new one', async () => {
    const deps = await vaultWithOrders(['PO-1', 'PO-2', 'PO-3']);
    const ephemeralOf = async (orderSn: string) => Buffer.from((await deps.db.buyers.get(orderSn))!.sealed.subarray(21, 53)).toString('hex');
    await storeCapturedAddresses(deps, [makeAddress('PO-1', makePii('A'))], 'content');
    deps.clock.now += 9 * 60_000;
    await storeCapturedAddresses(deps, [makeAddress('PO-2', makePii('B'))], 'content');
    deps.clock.now += 2 * 60_000;
    await storeCapturedAddresses(deps, [makeAddress('PO-3', makePii('C'))], 'content');
    expect(await ephemeralOf('PO-2')).toBe(await ephemeralOf('PO-1'));
    expect(await ephemeralOf('PO-3')).not.toBe(await ephemeralOf('PO-1'));
    // Each record keeps its own shred key: erasing one leaves the other sharing its batch key openable.
    await deps.db.transaction('rw', deps.db.buyers, deps.db.orders, deps.db.exports, () => erasePiiInTransaction(deps.db, deps.shredKeys, ['PO-1'], deps.clock.now));
    const { results } = await openBuyers(deps, ['PO-1', 'PO-2', 'PO-3'], 'popup');
    expect(results).toMatchObject({ 'PO-1': { state: 'none' }, 'PO-2': { state: 'ok', pii: { name: 'B' } }, 'PO-3': { state: 'ok', pii: { name: 'C' } } });

    const other = await vaultWithOrders(['PO-9']);
    other.clock.now = deps.clock.now;
    await storeCapturedAddresses(other, [makeAddress('PO-9', makePii('D'))], 'content');
    const otherEphemeral = Buffer.from((await other.db.buyers.get('PO-9'))!.sealed.subarray(21, 53)).toString('hex');
    expect(otherEphemeral).not.toBe(await ephemeralOf('PO-3'));
  });

  it('skips everything when no vault is set up, and writes nothing', async () => {
    const deps = makeDeps();
    await deps.db.orders.put(makeOrder('PO-1'));
    expect(await storeCapturedAddresses(deps, [makeAddress('PO-1', makePii('A'))], 'content')).toEqual({
      stored: 0,
      changed: 0,
      unreviewed: 0,
      skipped: [{ reason: 'no-vault', count: 1 }],
    });
    expect(await deps.db.buyers.count()).toBe(0);
    expect((await deps.db.orders.get('PO-1'))!.piiState).toBe('none');
    expect(await deps.db.audit.count()).toBe(0);
  });

  it('never writes PII that is already due, nor for unknown orders or invalid addresses', async () => {
    const deps = await vaultWithOrders([]);
    await deps.db.orders.bulkPut([
      makeOrder('PO-OLD', { status: 'shipped', shippedAt: T0 - 30 * DAY }),
      makeOrder('PO-EDGE', { status: 'shipped', shippedAt: T0 - 28 * DAY }),
      makeOrder('PO-CANCEL', { status: 'cancelled' }),
      makeOrder('PO-OK', { status: 'shipped', shippedAt: T0 - 27 * DAY }),
      makeOrder('PO-BAD'),
    ]);
    const result = await storeCapturedAddresses(
      deps,
      [
        makeAddress('PO-OLD', makePii('a')),
        makeAddress('PO-EDGE', makePii('b')),
        makeAddress('PO-CANCEL', makePii('c')),
        makeAddress('PO-OK', makePii('d')),
        makeAddress('PO-NONE', makePii('e')),
        makeAddress('PO-BAD', { ...makePii('f'), countryCode: 'USA' }),
      ],
      'content',
    );
    expect(result.stored).toBe(1);
    expect(result.skipped).toEqual([
      { reason: 'already-due', count: 3 },
      { reason: 'unknown-order', count: 1 },
      { reason: 'invalid-address', count: 1 },
    ]);
    expect((await deps.db.buyers.toArray()).map((b) => [b.orderSn, b.purgeAt])).toEqual([['PO-OK', T0 + DAY]]);
    expect((await deps.db.orders.get('PO-OLD'))!.piiState).toBe('none');
  });

  it('never stores PII again for an order purged when due, even after retentionDays is raised', async () => {
    const deps = await vaultWithOrders(['PO-1']);
    await settingsStore.write({ retentionDays: 3 });
    await storeCapturedAddresses(deps, [makeAddress('PO-1', makePii('a'))], 'content');
    deps.clock.now = T0 + 3 * DAY;
    await purgeDueBuyers({ ...deps, exportFiles: { removeDownload: async () => 'missing' } });
    expect(await deps.db.orders.get('PO-1')).toMatchObject({ piiState: 'purged', purgeAt: null, purgeFloor: T0 + 3 * DAY });

    await settingsStore.write({ retentionDays: 28 });
    deps.clock.now = T0 + 4 * DAY;
    const again = await storeCapturedAddresses(deps, [makeAddress('PO-1', makePii('a'))], 'content');
    expect(again).toEqual({ stored: 0, changed: 0, unreviewed: 0, skipped: [{ reason: 'already-due', count: 1 }] });
    expect(await deps.db.buyers.count()).toBe(0);
    expect((await deps.db.orders.get('PO-1'))!.piiState).toBe('purged');
  });

  it('an order erased early (before its deadline) may be captured again, but only until that deadline', async () => {
    const deps = await vaultWithOrders(['PO-1']);
    await storeCapturedAddresses(deps, [makeAddress('PO-1', makePii('a'))], 'content');
    await deps.db.transaction('rw', deps.db.buyers, deps.db.orders, deps.db.exports, () => erasePiiInTransaction(deps.db, deps.shredKeys, ['PO-1'], deps.clock.now));
    expect((await deps.db.orders.get('PO-1'))!.purgeFloor).toBe(T0 + 28 * DAY);
    deps.clock.now = T0 + DAY;
    expect((await storeCapturedAddresses(deps, [makeAddress('PO-1', makePii('a'))], 'content')).stored).toBe(1);
    expect((await deps.db.buyers.get('PO-1'))!.purgeAt).toBe(T0 + 28 * DAY);
  });

  it('uses the seller retention setting', async () => {
    const deps = await vaultWithOrders(['PO-1']);
    await settingsStore.write({ retentionDays: 7 });
    await storeCapturedAddresses(deps, [makeAddress('PO-1', makePii('a'))], 'content');
    expect((await deps.db.buyers.get('PO-1'))!.purgeAt).toBe(T0 + 7 * DAY);
  });

  it('a re-captured different address waits beside the stored one until accepted; purgeAt only moves earlier', async () => {
    const deps = await vaultWithOrders(['PO-1']);
    await storeCapturedAddresses(deps, [makeAddress('PO-1', makePii('Old Name'))], 'content');
    // Shipped now: the rule would give capturedAt-based T0+28d vs shipped-based later → stays T0+28d.
    deps.clock.now = T0 + 2 * DAY;
    await deps.db.orders.update('PO-1', { status: 'shipped', shippedAt: T0 + 2 * DAY });
    await storeCapturedAddresses(deps, [makeAddress('PO-1', makePii('New Name'))], 'content');
    expect((await deps.db.buyers.get('PO-1'))!.purgeAt).toBe(T0 + 28 * DAY);
    await settingsStore.write({ retentionDays: 3 });
    await storeCapturedAddresses(deps, [makeAddress('PO-1', makePii('New Name'))], 'content');
    expect((await deps.db.buyers.get('PO-1'))!.purgeAt).toBe(T0 + 5 * DAY);
    // Two days idle: auto-locked meanwhile.
    await expect(openBuyers(deps, ['PO-1'], 'popup')).rejects.toMatchObject({ code: 'locked' });
    await unlockVault(deps, GOOD_PASSPHRASE, 'popup');
    // Never silently replaced: labels still get the stored address; the new one waits for the seller.
    expect((await openBuyers(deps, ['PO-1'], 'popup')).results['PO-1']).toMatchObject({ state: 'ok', pii: { name: 'Old Name' } });
    expect((await deps.db.orders.get('PO-1'))!.addressReview).toBe('changed');
    const [change] = await reviewPendingAddresses(deps, 'popup');
    expect(change).toMatchObject({ orderSn: 'PO-1', current: { name: 'Old Name' }, proposed: { name: 'New Name' } });
    await resolveAddressChange(deps, 'PO-1', true, 'popup');
    const { results } = await openBuyers(deps, ['PO-1'], 'popup');
    expect(results['PO-1']).toMatchObject({ state: 'ok', pii: { name: 'New Name' } });
    expect((await deps.db.orders.get('PO-1'))!.addressReview).toBeNull();
    expect((await deps.db.audit.toArray()).map((a) => a.action)).toContain('address.accept');
  });

  it('an address captured again while locked is compared on unlock: identical ones are dropped, changed ones wait', async () => {
    const deps = await vaultWithOrders(['PO-1', 'PO-2']);
    await storeCapturedAddresses(deps, [makeAddress('PO-1', makePii('Same')), makeAddress('PO-2', makePii('Before'))], 'content');
    await lockVault(deps, 'popup', 'lock');
    const again = await storeCapturedAddresses(deps, [makeAddress('PO-1', makePii('Same')), makeAddress('PO-2', makePii('After'))], 'content');
    expect(again).toMatchObject({ stored: 0, unreviewed: 2 });
    await unlockVault(deps, GOOD_PASSPHRASE, 'popup');
    const views = await reviewPendingAddresses(deps, 'popup');
    expect(views.map((v) => [v.orderSn, v.current.name, v.proposed.name])).toEqual([['PO-2', 'Before', 'After']]);
    expect((await deps.db.orders.get('PO-1'))!.addressReview).toBeNull();
    expect((await deps.db.buyers.get('PO-1'))!.pending).toBeNull();
    await resolveAddressChange(deps, 'PO-2', false, 'popup');
    expect((await openBuyers(deps, ['PO-2'], 'popup')).results['PO-2']).toMatchObject({ pii: { name: 'Before' } });
    // Unlocked, the same address again is no change at all.
    expect(await storeCapturedAddresses(deps, [makeAddress('PO-2', makePii('Before'))], 'content')).toMatchObject({
      stored: 0,
      changed: 0,
      skipped: [{ reason: 'unchanged', count: 1 }],
    });
  });

  it('an address for an order of another shop is not stored', async () => {
    const deps = await vaultWithOrders(['PO-1']);
    const result = await storeCapturedAddresses(deps, [{ ...makeAddress('PO-1', makePii('Shop B')), shopId: 'other-shop' }], 'content');
    expect(result).toMatchObject({ stored: 0, skipped: [{ reason: 'other-shop', count: 1 }] });
    expect(await deps.db.buyers.count()).toBe(0);
  });

  it('a DOM-fallback address never replaces one from the address API or rawData', async () => {
    const deps = await vaultWithOrders(['PO-1', 'PO-2']);
    const api = { ...makeAddress('PO-1', makePii('From API', { phone: '+1 555 0100' })), source: 'api' as const };
    const domFirst = { ...makeAddress('PO-2', makePii('From DOM', { phone: null })), source: 'dom' as const };
    await storeCapturedAddresses(deps, [api, domFirst], 'content');
    const dom = { ...makeAddress('PO-1', makePii('From DOM', { phone: null })), source: 'dom' as const };
    const rawData = { ...makeAddress('PO-2', makePii('From rawData')), source: 'rawData' as const };
    const result = await storeCapturedAddresses(deps, [dom, rawData], 'content');
    expect(result).toEqual({ stored: 1, changed: 0, unreviewed: 0, skipped: [{ reason: 'kept-structured-address', count: 1 }] });
    const { results } = await openBuyers(deps, ['PO-1', 'PO-2'], 'popup');
    expect(results['PO-1']).toMatchObject({ state: 'ok', pii: { name: 'From API', phone: '+1 555 0100' } });
    expect(results['PO-2']).toMatchObject({ state: 'ok', pii: { name: 'From rawData' } });
  });

  it('is one transaction: a failure mid-batch leaves nothing written', async () => {
    const deps = await vaultWithOrders(['PO-1', 'PO-2']);
    const auditBefore = await deps.db.audit.count();
    deps.db.orders.hook('updating', () => {
      throw new Error('worker killed mid-write');
    });
    deps.db.orders.hook('creating', () => {
      throw new Error('worker killed mid-write');
    });
    await expect(storeCapturedAddresses(deps, [makeAddress('PO-1', makePii('A')), makeAddress('PO-2', makePii('B'))], 'content')).rejects.toThrow('worker killed mid-write');
    expect(await deps.db.buyers.count()).toBe(0);
    expect((await deps.db.orders.toArray()).map((o) => o.piiState)).toEqual(['none', 'none']);
    expect(await deps.db.audit.count()).toBe(auditBefore);
  });

  it('a storage quota failure surfaces as a quota error (router code `quota`) and writes nothing', async () => {
    const deps = await vaultWithOrders(['PO-1']);
    // Sealed rows are put with plain IndexedDB requests (utils/db/plain-requests.ts): refused there.
    const put = IDBObjectStore.prototype.put;
    const refused = vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(function (this: IDBObjectStore, ...args: Parameters<IDBObjectStore['put']>) {
      if (this.name === 'buyers') throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      return put.apply(this, args);
    });
    const err = await storeCapturedAddresses(deps, [makeAddress('PO-1', makePii('A'))], 'content')
      .then(
        () => null,
        (e: unknown) => e,
      )
      .finally(() => refused.mockRestore());
    expect(isQuotaError(err)).toBe(true);
    expect(await deps.db.buyers.count()).toBe(0);
    expect((await deps.db.orders.get('PO-1'))!.piiState).toBe('none');
  });

  it('a tampered or moved blob is cannot-decrypt; the others still open', async () => {
    const deps = await vaultWithOrders(['PO-1', 'PO-2', 'PO-3']);
    await storeCapturedAddresses(
      deps,
      ['PO-1', 'PO-2', 'PO-3'].map((sn) => makeAddress(sn, makePii(`Name ${sn}`))),
      'content',
    );
    const one = (await deps.db.buyers.get('PO-1'))!;
    const flipped = one.sealed.slice();
    flipped[flipped.length - 5]! ^= 0x80;
    await deps.db.buyers.update('PO-1', { sealed: flipped });
    // PO-2's blob copied onto PO-3: associated data (table + order number) no longer matches.
    await deps.db.buyers.update('PO-3', { sealed: (await deps.db.buyers.get('PO-2'))!.sealed });
    const { results } = await openBuyers(deps, ['PO-1', 'PO-2', 'PO-3'], 'popup');
    expect(results['PO-1']).toEqual({ state: 'cannot-decrypt' });
    expect(results['PO-2']).toMatchObject({ state: 'ok', pii: { name: 'Name PO-2' } });
    expect(results['PO-3']).toEqual({ state: 'cannot-decrypt' });
  });

  it('a read never returns due PII', async () => {
    await settingsStore.write({ autoLockMinutes: 0 });
    const deps = await vaultWithOrders(['PO-1']);
    await storeCapturedAddresses(deps, [makeAddress('PO-1', makePii('A'))], 'content');
    deps.clock.now = T0 + 28 * DAY;
    const { results } = await openBuyers(deps, ['PO-1'], 'popup');
    expect(results['PO-1']).toEqual({ state: 'none' });
  });

  it('a read with no PII due does not wait for another write on the orders store (issue 11: an export right after an export)', async () => {
    await settingsStore.write({ autoLockMinutes: 0 });
    const deps = await vaultWithOrders(['PO-1', 'PO-2']);
    await storeCapturedAddresses(deps, [makeAddress('PO-1', makePii('A'))], 'content');
    // An orders write still running (as markPendingExportOrders after an export): held open until released.
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const ordersWrite = deps.db.transaction('rw', deps.db.orders, () => Dexie.waitFor(gate));
    const read = openBuyers(deps, ['PO-1', 'PO-2'], 'popup');
    const first = await Promise.race([read.then(() => 'read'), new Promise((resolve) => setTimeout(() => resolve('blocked'), 1000))]);
    release();
    await ordersWrite;
    expect(first).toBe('read');
    expect((await read).results).toMatchObject({ 'PO-1': { state: 'ok', pii: { name: 'A' } }, 'PO-2': { state: 'none' } });
  });
});

describe('captured buyer fields (issue 15, data minimization)', () => {
  const fields = { email: 'buyer@example.com', backupPhone: '+1 555 0199' };
  const ctx = { actor: 'options' as const };

  it('a field turned off is never stored; turning it off re-seals stored records without it under new shred keys', async () => {
    const deps = await vaultWithOrders(['PO-1', 'PO-2', 'PO-3']);
    const handlers = createVaultHandlers(deps);
    await handlers['buyers/set-captured-fields']({ captureBuyerEmail: true, captureBackupPhone: true }, ctx as never);
    await storeCapturedAddresses(deps, [makeAddress('PO-1', makePii('A', fields)), makeAddress('PO-2', makePii('B', { email: null, backupPhone: null }))], 'content');
    expect((await openBuyers(deps, ['PO-1'], 'popup')).results['PO-1']).toMatchObject({ pii: fields });
    const before = (await deps.db.buyers.get('PO-1'))!.sealed;
    const untouched = (await deps.db.buyers.get('PO-2'))!.sealed;

    const reply = await handlers['buyers/set-captured-fields']({ captureBuyerEmail: false, captureBackupPhone: true }, ctx as never);
    expect(reply).toEqual({ captureBuyerEmail: false, captureBackupPhone: true, resealed: 1 });
    // Only the record holding an e-mail was re-sealed; the old envelope's shred key is gone.
    const after = (await deps.db.buyers.get('PO-1'))!.sealed;
    expect(after).not.toEqual(before);
    expect((await deps.db.buyers.get('PO-2'))!.sealed).toEqual(untouched);
    const keyring = await deps.shredKeys.keyring([shredRefOf(before)!.day, shredRefOf(after)!.day]);
    expect(keyring(shredRefOf(before)!)).toBeUndefined();
    expect(keyring(shredRefOf(after)!)).toBeInstanceOf(Uint8Array);
    expect((await openBuyers(deps, ['PO-1'], 'popup')).results['PO-1']).toMatchObject({ pii: { email: null, backupPhone: fields.backupPhone } });

    // New captures drop it before sealing.
    await storeCapturedAddresses(deps, [makeAddress('PO-3', makePii('C', fields))], 'content');
    expect((await openBuyers(deps, ['PO-3'], 'popup')).results['PO-3']).toMatchObject({ pii: { email: null, backupPhone: fields.backupPhone } });

    const audit = await deps.db.audit.toArray();
    expect(audit.find((a) => a.action === 'buyers.minimize')).toMatchObject({ counts: { resealed: 1 }, detail: 'email' });
    expect(JSON.stringify(audit)).not.toContain('buyer@example.com');
  });

  it('turning a field off while records are held and the vault is locked is refused and changes nothing', async () => {
    const deps = await vaultWithOrders(['PO-1']);
    const handlers = createVaultHandlers(deps);
    await handlers['buyers/set-captured-fields']({ captureBuyerEmail: true, captureBackupPhone: false }, ctx as never);
    await storeCapturedAddresses(deps, [makeAddress('PO-1', makePii('A', fields))], 'content');
    await lockVault(deps, 'popup', 'lock');
    await expect(handlers['buyers/set-captured-fields']({ captureBuyerEmail: false, captureBackupPhone: false }, ctx as never)).rejects.toMatchObject({ code: 'locked' });
    expect((await settingsStore.read()).captureBuyerEmail).toBe(true);
    // With nothing held, no unlock is needed.
    const empty = await vaultWithOrders([]);
    await lockVault(empty, 'popup', 'lock');
    await expect(createVaultHandlers(empty)['buyers/set-captured-fields']({ captureBuyerEmail: false, captureBackupPhone: false }, ctx as never)).resolves.toMatchObject({
      resealed: 0,
    });
    expect(await removeBuyerFields(deps, [], 'options')).toBe(0);
  });
});
