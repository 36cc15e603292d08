import { it } from 'vitest';
import { appendAudit } from '../audit/audit-log';
import { heldOrder, makeTestDeps, sealedBuyer, T0 } from './retention-test-data';

it('timing', async () => {
  const stored = 10_000;
  const deps = makeTestDeps();
  const orders = [], buyers = [];
  for (let i = 0; i < stored; i++) {
    const sn = `PO-${i}`;
    const purgeAt = i < 5000 ? T0 - 1 : T0 + 1000;
    orders.push(heldOrder(sn, purgeAt));
    buyers.push(sealedBuyer(sn, purgeAt));
  }
  await deps.db.orders.bulkPut(orders);
  await deps.db.buyers.bulkPut(buyers);
  const db = deps.db;
  const lap = (() => { let t = performance.now(); return (l: string) => { const n = performance.now(); console.log(l, Math.round(n - t)); t = n; }; })();
  await db.transaction('rw', [db.buyers, db.orders, db.exports, db.meta, db.audit], async () => {
    lap('start');
    const keys = await db.buyers.where('purgeAt').belowOrEqual(T0).primaryKeys(); lap('buyers keys');
    const okeys = await db.orders.where('purgeAt').belowOrEqual(T0).primaryKeys(); lap('orders keys');
    await db.buyers.bulkGet(keys); lap('buyers bulkGet');
    await db.orders.bulkGet(keys); lap('orders bulkGet');
    await db.buyers.bulkDelete(keys); lap('buyers bulkDelete');
    await db.orders.bulkUpdate(keys.map((key) => ({ key, changes: { piiState: 'purged' as const, purgeAt: null } }))); lap('orders bulkUpdate');
    await db.exports.where('orderSns').anyOf(keys).distinct().modify(() => {}); lap('exports anyOf');
    await appendAudit(db, T0, { actor: 'background', action: 'x', orderSns: keys as string[] }); lap('audit');
  });
  lap('commit');
}, 600_000);
