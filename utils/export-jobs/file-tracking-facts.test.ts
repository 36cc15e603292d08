import { beforeEach, describe, expect, it } from 'vitest';
import { AppDb } from '../db/app-db';
import { deleteByKeysInTransaction } from '../db/plain-requests';
import { makeOrder, sealedBuyerRow } from '../../tests/support/order-test-data';
import { currentTrackingFacts, fileTrackingOf, type OrderTrackingFacts, rememberTrackingFacts } from './file-tracking-facts';

const NOW = Date.UTC(2026, 11, 2, 12);
const order = (orderSn: string, purgeAt: number | null, piiState: 'present' | 'purged' = 'present') => ({ orderSn, purgeAt, piiState });
const facts = (table: Record<string, OrderTrackingFacts>) => (sn: string) => table[sn] ?? { order: undefined, buyer: undefined };

describe('fileTrackingOf', () => {
  it('the earliest purge time of the orders and their buyers rows; unknown orders left out; duplicates once', () => {
    const of = facts({
      A: { order: order('A', NOW + 9), buyer: { purgeAt: NOW + 7 } },
      B: { order: order('B', NOW + 5), buyer: { purgeAt: NOW + 8 } },
    });
    expect(fileTrackingOf(['A', 'X', 'B', 'A'], of, NOW)).toEqual({ orderSns: ['A', 'B'], purgeAt: NOW + 5 });
  });

  it('due now when an order is purged, a buyers row is gone, nothing has a purge time, or it is recorded due now', () => {
    const live = { order: order('A', NOW + 9), buyer: { purgeAt: NOW + 9 } };
    expect(fileTrackingOf(['A', 'B'], facts({ A: live, B: { order: order('B', null, 'purged'), buyer: undefined } }), NOW)?.purgeAt).toBe(NOW);
    expect(fileTrackingOf(['A', 'B'], facts({ A: live, B: { order: order('B', NOW + 9), buyer: undefined } }), NOW)?.purgeAt).toBe(NOW);
    expect(fileTrackingOf(['A'], facts({ A: live }), NOW, true)?.purgeAt).toBe(NOW);
    expect(fileTrackingOf(['A'], facts({ A: live }), NOW)?.purgeAt).toBe(NOW + 9);
  });

  it('null when no order is known', () => {
    expect(fileTrackingOf(['X'], facts({}), NOW)).toBeNull();
  });
});

describe('remembered tracking facts', () => {
  let db: AppDb;
  const remember = () =>
    rememberTrackingFacts(db, {
      ordersWrites: db.writeCount('orders'),
      buyersWrites: db.writeCount('buyers'),
      facts: new Map([['A', { order: order('A', NOW + 9), buyer: { purgeAt: NOW + 9 } }]]),
    });
  beforeEach(async () => {
    db = new AppDb(`test-${crypto.randomUUID()}`);
    await db.orders.add(makeOrder({ orderSn: 'A', piiState: 'present', purgeAt: NOW + 9 }));
    await db.buyers.add(sealedBuyerRow('A', NOW + 9, NOW));
  });

  it('stand for a read while no write to orders or buyers was counted, for the orders they cover', () => {
    remember();
    expect(currentTrackingFacts(db, ['A'])?.('A').buyer).toEqual({ purgeAt: NOW + 9 });
    expect(currentTrackingFacts(db, ['A', 'B'])).toBeNull();
    expect(currentTrackingFacts(new AppDb(`test-${crypto.randomUUID()}`), ['A'])).toBeNull();
  });

  it('are dropped by any write to orders or buyers, through Dexie or a plain request', async () => {
    remember();
    await db.orders.update('A', { exportedAt: NOW });
    expect(currentTrackingFacts(db, ['A'])).toBeNull();
    remember();
    await db.buyers.delete('A');
    expect(currentTrackingFacts(db, ['A'])).toBeNull();
    remember();
    await db.transaction('rw', db.buyers, () => deleteByKeysInTransaction('buyers', ['A']));
    expect(currentTrackingFacts(db, ['A'])).toBeNull();
    remember();
    await db.audit.clear();
    expect(currentTrackingFacts(db, ['A'])).not.toBeNull();
  });
});
