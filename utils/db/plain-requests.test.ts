import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { AppDb } from './app-db';
import { deleteByKeysInTransaction, putRowsInTransaction } from './plain-requests';
import { sealedBuyerRow } from '../../tests/support/order-test-data';

/** A store with a unique index, so a put can fail inside a transaction the way a full disk makes it fail. */
class UniqueDb extends Dexie {
  rows!: Dexie.Table<{ id: string; code: string }, string>;
  constructor() {
    super(`plain-requests-${Math.random()}`);
    this.version(1).stores({ rows: 'id, &code' });
  }
}

const opened: Dexie[] = [];
afterEach(async () => {
  for (const db of opened.splice(0)) await db.delete();
});

describe('plain requests in a Dexie transaction', () => {
  it('puts and deletes rows, and counts each call as a write to the store', async () => {
    const db = new AppDb(`plain-requests-${Math.random()}`);
    opened.push(db);
    const before = db.writeCount('buyers');
    await db.transaction('rw', db.buyers, () => putRowsInTransaction('buyers', [sealedBuyerRow('A', 1, 1), sealedBuyerRow('B', 2, 2)]));
    expect((await db.buyers.toArray()).map((r) => r.orderSn)).toEqual(['A', 'B']);
    await db.transaction('rw', db.buyers, () => deleteByKeysInTransaction('buyers', ['A']));
    expect(await db.buyers.toCollection().primaryKeys()).toEqual(['B']);
    expect(db.writeCount('buyers')).toBe(before + 2);
  });

  it('a failed put rejects with its own error, not the AbortError of the requests after it, and the transaction writes nothing', async () => {
    const db = new UniqueDb();
    opened.push(db);
    const rows = [
      { id: '1', code: 'x' },
      { id: '2', code: 'x' },
      { id: '3', code: 'y' },
    ];
    const err = await db
      .transaction('rw', db.rows, () => putRowsInTransaction('rows', rows))
      .then(
        () => null,
        (e: unknown) => e,
      );
    expect(err).toBeInstanceOf(Error);
    const names = [(err as { name: string }).name, (err as { inner?: { name: string } }).inner?.name];
    expect(names).toContain('ConstraintError');
    expect(await db.rows.count()).toBe(0);
  });

  it('a failure in an earlier batch of the same transaction rejects the later batch with that failure too', async () => {
    const db = new UniqueDb();
    opened.push(db);
    let outcomes: PromiseSettledResult<void>[] = [];
    await db
      .transaction('rw', db.rows, async () => {
        const first = putRowsInTransaction('rows', [
          { id: '1', code: 'x' },
          { id: '2', code: 'x' },
          { id: '3', code: 'y' },
        ]);
        const second = putRowsInTransaction('rows', [{ id: '4', code: 'z' }]);
        outcomes = await Promise.allSettled([first, second]);
      })
      .catch(() => undefined);
    expect(outcomes.map((o) => (o.status === 'rejected' ? (o.reason as { name: string }).name : o.status))).toEqual(['ConstraintError', 'ConstraintError']);
    expect(await db.rows.count()).toBe(0);
  });

  it('a row refused at once (no key) throws out of the transaction, which then writes none of the rows sent before it', async () => {
    const db = new UniqueDb();
    opened.push(db);
    const err = await db
      .transaction('rw', db.rows, () => {
        putRowsInTransaction('rows', [{ id: '1', code: 'a' }, { code: 'b' }, { id: '3', code: 'c' }]);
      })
      .then(
        () => null,
        (e: unknown) => e,
      );
    // The transaction fails with the refusal itself (Dexie may wrap it).
    expect([(err as { name?: string } | null)?.name, (err as { inner?: { name?: string } } | null)?.inner?.name]).toContain('DataError');
    expect(await db.rows.count()).toBe(0);
  });

  it('refuses to run outside a transaction', () => {
    expect(() => putRowsInTransaction('buyers', [sealedBuyerRow('A', 1, 1)])).toThrow(/needs a Dexie transaction/);
  });
});
