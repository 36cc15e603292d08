import Dexie from 'dexie';
import { describe, expect, it, vi } from 'vitest';
import { SAMPLE_ROWS, SHIPPED_SCHEMAS } from '../../tests/fixtures/db-schemas/shipped-schemas';
import { AppDb } from './app-db';
import type { OrderRecord } from './records';
import { SCHEMA_HISTORY } from './schema-history';
import { appendAudit, recordAudit, verifyStoredAudit } from '../audit/audit-log';

/** Creates a database exactly as a shipped build left it, with its sample rows. */
async function installShipped(name: string, stores: Record<string, string>, dexieVersion: number): Promise<void> {
  const old = new Dexie(name);
  old.version(dexieVersion).stores(stores);
  await old.open();
  for (const table of Object.keys(stores)) {
    const rows = SAMPLE_ROWS[table] ?? [];
    if (rows.length > 0) await old.table(table).bulkAdd(rows);
  }
  old.close();
}

describe('transactions', () => {
  it("a transaction started while another one's zone is current runs on its own: two audit appends never take the same seq", async () => {
    const db = new AppDb(`zone-${crypto.randomUUID()}`);
    let parallel: Promise<unknown> = Promise.resolve();
    await db.transaction('rw', db.audit, async () => {
      const last = db.audit.orderBy('seq').last();
      // What a parallel flow does when it resumes while Dexie echoes this transaction's zone (a
      // capture after its chrome.storage read): start its own audited transaction. As a
      // sub-transaction it read the same last entry and its append collided with this one's.
      parallel = recordAudit(db, 2, { actor: 'content', action: 'capture.addresses' });
      await appendAudit(db, 1, { actor: 'content', action: 'capture.orders' }, { last: await last });
    });
    await parallel;
    const entries = await db.audit.orderBy('seq').toArray();
    expect(entries.map((e) => [e.seq, e.action])).toEqual([
      [1, 'capture.orders'],
      [2, 'capture.addresses'],
    ]);
    expect((await verifyStoredAudit(db)).ok).toBe(true);
    db.close();
  });

  it('keeps the mode asked for: a read-only transaction cannot write', async () => {
    const db = new AppDb(`zone-${crypto.randomUUID()}`);
    await expect(db.transaction('r', db.meta, () => db.meta.put({ key: 'x', value: 1 } as never))).rejects.toThrow(/read-?only/i);
    expect(await db.meta.count()).toBe(0);
    db.close();
  });
});

describe('database history', () => {
  for (const shipped of SHIPPED_SCHEMAS) {
    it(`upgrades the shipped schema "${shipped.name}" to the current one without losing a row`, async () => {
      const name = `upgrade-${crypto.randomUUID()}`;
      await installShipped(name, shipped.stores, shipped.dexieVersion);
      const db = new AppDb(name);
      await db.open();
      for (const table of Object.keys(shipped.stores)) {
        expect(await db.table(table).count(), table).toBe((SAMPLE_ROWS[table] ?? []).length);
      }
      // Indexes the current code queries work on the upgraded data.
      expect(await db.items.where('subOrderSn').equals('211-9').count()).toBe(1);
      expect(await db.orders.where('piiState').equals('purged').primaryKeys()).toEqual(['PO-211-2']);
      expect(await db.buyers.where('purgeAt').above(0).count()).toBe(1);
      // Version 5: buyers keeps only the purgeAt index (a shop's rows are found through orders).
      expect([...db.backendDB().transaction('buyers').objectStore('buyers').indexNames]).toEqual(['purgeAt']);
      // The order-list indexes (version 4) are built for the rows already stored.
      expect(await db.orders.where('shopId').equals('1001').primaryKeys()).toEqual(['PO-211-1']);
      expect(await db.orders.where('[status+capturedAt]').between(['to_ship', Dexie.minKey], ['to_ship', Dexie.maxKey]).primaryKeys()).toEqual(['PO-211-1']);
      expect(await db.orders.where('[status+shipBy]').between(['to_ship', Dexie.minKey], ['to_ship', Dexie.maxKey]).primaryKeys()).toEqual(['PO-211-1']);
      expect(await db.orders.orderBy('[status+shippedAt]').primaryKeys()).toEqual(['PO-211-2']);
      expect(await db.orders.orderBy('[status+exportedAt]').primaryKeys()).toEqual(['PO-211-2']);
      await db.notices.add({ receivedAt: 1, scope: { kind: 'all' }, reference: '', carriedOutAt: 1, deletedBuyers: 0, removedFiles: 0 });
      // Version 6: an empty shredStaging, found by staging key.
      expect(await db.shredStaging.where('stagingKey').equals('stage.0000000000000000.key').count()).toBe(0);
      expect(db.verno).toBe(SCHEMA_HISTORY.at(-1)!.version);
      db.close();
    });
  }

  it('upgrades a browser that followed every build (Dexie patched versions in place: IndexedDB 11+)', async () => {
    const name = `followed-${crypto.randomUUID()}`;
    await installShipped(name, SHIPPED_SCHEMAS[0]!.stores, 1);
    for (const later of SHIPPED_SCHEMAS.slice(1)) {
      const build = new Dexie(name);
      build.version(later.dexieVersion).stores(later.stores);
      await build.open();
      if (later.stores.notices && (await build.table('notices').count()) === 0) await build.table('notices').bulkAdd(SAMPLE_ROWS.notices!);
      build.close();
    }
    const db = new AppDb(name);
    await db.open();
    for (const table of Object.keys(SHIPPED_SCHEMAS.at(-1)!.stores)) expect(await db.table(table).count(), table).toBe((SAMPLE_ROWS[table] ?? []).length);
    expect(db.orders.schema.indexes.map((i) => i.name)).not.toContain('createdAt');
    db.close();
  });

  it('declares versions in order and never reuses one', () => {
    const versions = SCHEMA_HISTORY.map((s) => s.version);
    expect(versions).toEqual([...versions].sort((a, b) => a - b));
    expect(new Set(versions).size).toBe(versions.length);
  });

  it('a fresh install has the latest schema', async () => {
    const db = new AppDb(`fresh-${crypto.randomUUID()}`);
    await db.open();
    expect(db.tables.map((t) => t.name).sort()).toEqual(['audit', 'buyers', 'exports', 'incidents', 'items', 'meta', 'notices', 'orders', 'requests', 'shredStaging']);
    expect(db.orders.schema.indexes.map((i) => i.name).sort()).toEqual([
      '[shopId+capturedAt]',
      '[status+capturedAt]',
      '[status+exportedAt]',
      '[status+shipBy]',
      '[status+shippedAt]',
      'addressReview',
      'capturedAt',
      'piiState',
      'purgeAt',
    ]);
    expect(db.buyers.schema.indexes.map((i) => i.name)).toEqual(['purgeAt']);
    expect(db.shredStaging.schema.indexes.map((i) => i.name)).toEqual(['stagingKey']);
    db.close();
  });

  it('counts every write request per table, in and out of transactions', async () => {
    const db = new AppDb(`writes-${crypto.randomUUID()}`);
    const row = SAMPLE_ROWS.orders![0] as OrderRecord;
    const counts: number[] = [db.writeCount('orders')];
    const step = async (write: () => Promise<unknown>) => {
      await write();
      counts.push(db.writeCount('orders'));
    };
    await step(() => db.orders.put(row));
    await step(() => db.orders.update(row.orderSn, { exportedAt: 1 }));
    await step(() => db.transaction('rw', db.orders, () => db.orders.where('orderSn').equals(row.orderSn).modify({ piiState: 'purged' })));
    await step(() => db.orders.bulkDelete([row.orderSn]));
    await step(() => db.orders.clear());
    await step(() => db.orders.get(row.orderSn)); // a read
    expect(counts).toEqual([0, 1, 2, 3, 4, 5, 5]);
    expect(db.writeCount('buyers')).toBe(0);
    db.close();
  });

  it('shows its order-write observers every write: announced, the rows before and after, then the commit or failure', async () => {
    const db = new AppDb(`writes-${crypto.randomUUID()}`);
    const row = SAMPLE_ROWS.orders![0] as OrderRecord;
    const seen: unknown[] = [];
    let wants = true;
    const transactions = new Map<object, number>();
    const tx = (trans: object) => transactions.get(trans) ?? transactions.set(trans, transactions.size).get(trans);
    db.observeOrderWrites({
      started: (trans) => seen.push(['started', tx(trans)]),
      wantsChanges: () => wants,
      changed: (trans, changes) =>
        seen.push([
          'changed',
          tx(trans),
          changes?.map((c) => [c.key, c.before?.exportedAt ?? c.before?.piiState ?? null, c.after?.exportedAt ?? c.after?.piiState ?? null]) ?? null,
        ]),
      ended: (trans, committed) => seen.push(['ended', tx(trans), committed]),
    });
    const step = async (write: () => Promise<unknown>) => {
      seen.length = 0;
      await write();
      return [...seen];
    };
    const written = { ...row, exportedAt: null };
    expect(await step(() => db.orders.put(written))).toEqual([
      ['started', 0],
      ['changed', 0, [[row.orderSn, null, 'present']]],
      ['ended', 0, true],
    ]);
    // The row handed over is a copy: changing the caller's object later changes nothing seen.
    expect(await step(() => db.orders.update(row.orderSn, { exportedAt: 1 }))).toEqual([
      ['started', 1],
      ['changed', 1, [[row.orderSn, 'present', 1]]],
      ['ended', 1, true],
    ]);
    expect(
      await step(() =>
        db.transaction('rw', db.orders, async () => {
          await db.orders.where('orderSn').equals(row.orderSn).modify({ exportedAt: 2 });
          await db.orders.put({ ...row, orderSn: 'PO-NEW', exportedAt: 3 });
        }),
      ),
    ).toEqual([
      ['started', 2],
      ['changed', 2, [[row.orderSn, 1, 2]]],
      ['started', 2],
      ['changed', 2, [['PO-NEW', null, 3]]],
      ['ended', 2, true],
    ]);
    wants = false; // nobody uses the rows: they are not read
    expect(await step(() => db.orders.put({ ...row, exportedAt: 4 }))).toEqual([
      ['started', 3],
      ['changed', 3, null],
      ['ended', 3, true],
    ]);
    wants = true;
    await expect(
      step(() =>
        db.transaction('rw', db.orders, async () => {
          await db.orders.put({ ...row, exportedAt: 5 });
          throw new Error('changed my mind');
        }),
      ),
    ).rejects.toThrow('changed my mind');
    // The abort event follows the rejection.
    await vi.waitFor(() =>
      expect(seen).toEqual([
        ['started', 4],
        ['changed', 4, [[row.orderSn, 4, 5]]],
        ['ended', 4, false],
      ]),
    );
    expect((await db.orders.get(row.orderSn))?.exportedAt).toBe(4);
    expect(await step(() => db.orders.bulkDelete([row.orderSn]))).toEqual([
      ['started', 5],
      ['changed', 5, [[row.orderSn, 4, null]]],
      ['ended', 5, true],
    ]);
    expect(await step(() => db.orders.clear())).toEqual([
      ['started', 6],
      ['changed', 6, null],
      ['ended', 6, true],
    ]); // a range: rows not known
    expect(await step(() => db.orders.get('PO-NEW'))).toEqual([]); // a read
    expect(await step(() => db.buyers.clear())).toEqual([]); // another table
    db.close();
  });
});
