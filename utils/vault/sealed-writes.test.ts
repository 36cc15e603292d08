import { describe, expect, it } from 'vitest';
import { memoryShredFiles } from '../../tests/support/memory-shred-files';
import { makeOrder, makePii, T0, DAY } from '../../tests/support/vault-test-support';
import { generateVaultKeys } from '../crypto/vault-keys';
import { createShreddingSealer, createVaultOpener } from '../crypto/sealed-box';
import { AppDb } from '../db/app-db';
import type { BuyerRecord } from '../db/records';
import { createShredKeyStore, type ShredKeyStore } from '../shred/shred-key-store';
import { openBuyerRecord, sealBuyerPii } from './buyer-seal';
import { sealedWrites } from './sealed-writes';

const keys = generateVaultKeys();
const purgeAt = T0 + 28 * DAY;

function sealed(orderSn: string) {
  const { sealed, shredKey } = sealBuyerPii(createShreddingSealer(keys.publicKey), orderSn, makePii(`Buyer ${orderSn}`), purgeAt);
  const row: BuyerRecord = { orderSn, shopId: '634418212345', purgeAt, capturedAt: T0, source: 'api', sealed };
  return { row, shredKey };
}

describe('sealedWrites', () => {
  it('hands each full chunk to IndexedDB as it fills, before the batch ends, and writes every row with its order', async () => {
    const db = new AppDb(`test-${crypto.randomUUID()}`);
    const store = createShredKeyStore(memoryShredFiles());
    const sns = ['PO-1', 'PO-2', 'PO-3', 'PO-4', 'PO-5'];
    await db.orders.bulkPut(sns.map((sn) => makeOrder(sn)));
    const requestsSeen: number[] = [];
    await db.transaction('rw', [db.buyers, db.orders], async () => {
      const writes = sealedWrites(db, store, 2);
      for (const sn of sns) {
        const { row, shredKey } = sealed(sn);
        writes.put(row, { ...makeOrder(sn), piiState: 'present', purgeAt }, shredKey);
        requestsSeen.push(db.writeCount('buyers'));
      }
      expect(writes.count).toBe(5);
      await writes.finish();
    });
    // Rows 2 and 4 completed a chunk: its buyers write was made at once, not at the end.
    expect(requestsSeen).toEqual([0, 1, 1, 2, 2]);
    expect(db.writeCount('buyers')).toBe(3);
    expect(await db.buyers.count()).toBe(5);
    expect((await db.orders.bulkGet(sns)).map((o) => o?.piiState)).toEqual(['present', 'present', 'present', 'present', 'present']);
    // Every row opens with the shred key filed for it.
    const opener = createVaultOpener(keys.secretKey, await store.keyring([Math.floor(purgeAt / DAY)]));
    for (const row of await db.buyers.toArray()) expect(openBuyerRecord(opener, row).state).toBe('ok');
  });

  it('writes nothing of the batch when its shred keys cannot be filed (one transaction)', async () => {
    const db = new AppDb(`test-${crypto.randomUUID()}`);
    const failing: ShredKeyStore = { ...createShredKeyStore(memoryShredFiles()), add: async () => Promise.reject(new Error('disk full')) };
    await expect(
      db.transaction('rw', db.buyers, async () => {
        const writes = sealedWrites(db, failing, 2);
        for (const sn of ['PO-1', 'PO-2', 'PO-3']) {
          const { row, shredKey } = sealed(sn);
          writes.put(row, null, shredKey);
        }
        await writes.finish();
      }),
    ).rejects.toThrow('disk full');
    // The chunk already handed over is rolled back with the rest.
    expect(await db.buyers.count()).toBe(0);
  });
});
