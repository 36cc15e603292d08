/**
 * Vault cost (issue 4): sealing + storing 10,000 captured addresses vs storing the same rows in
 * plaintext, and the unlock KDF. Run: npx vitest bench --run bench/vault.bench.ts
 * Goal: plaintext_time / sealed_time >= 0.8 (sealing adds at most ~25 %), i.e. figure
 * vault.store-sealed-10k at most 1.25 × its baseline vault.store-plain-10k; unlock 250–500 ms.
 */
import { memoryShredKeys } from '../tests/support/memory-shred-files';
import 'fake-indexeddb/auto';
import { describe } from 'vitest';
import type { BackgroundDeps } from '../utils/background-deps';
import { DEFAULT_SCRYPT_COST, deriveWrappingKey } from '../utils/crypto/key-wrap';
import { createShreddingSealer } from '../utils/crypto/sealed-box';
import { generateVaultKeys, unwrapVaultKeys, wrapVaultKeys } from '../utils/crypto/vault-keys';
import { testBrowserPorts } from '../tests/support/test-ports';
import { AppDb } from '../utils/db/app-db';
import { encodeBuyerPii, sealBuyerPii } from '../utils/vault/buyer-seal';
import { storeCapturedAddresses } from '../utils/vault/buyer-store';
import { writeMeta } from '../utils/meta-store';
import { makeAddress, makeOrder, makePii } from '../tests/support/vault-test-support';
import { figureBench } from './figure-bench';

const N = 10_000;
const now = Date.UTC(2026, 10, 25);
const keys = generateVaultKeys();
const orders = Array.from({ length: N }, (_, i) => makeOrder(`PO-211-${String(i).padStart(17, '0')}`, { capturedAt: now }));
const addresses = orders.map((o, i) => makeAddress(o.orderSn, makePii(`Buyer ${i} Łukasz 王小明`, { addressLine1: `${i} Rue de la Paix, Bâtiment B`, phone: `+33 6 ${i}` })));
const plaintextRows = addresses.map((a) => ({ orderSn: a.orderSn, shopId: a.shopId, purgeAt: now + 28 * 86_400_000, capturedAt: now, source: a.source, pii: a.pii }));

async function freshDeps(): Promise<BackgroundDeps> {
  const db = new AppDb(`bench-${crypto.randomUUID()}`);
  await db.orders.bulkPut(orders);
  await writeMeta(db, 'vault', { version: 1, publicKey: keys.publicKey } as never);
  return { ...testBrowserPorts, shredKeys: memoryShredKeys(), db, now: () => now, notifyChanged: async () => undefined };
}

const sealedDeps = await freshDeps();
const plainDb = new AppDb(`bench-plain-${crypto.randomUUID()}`);

const sealedDb = new AppDb(`bench-sealed-${crypto.randomUUID()}`);
const opts = { iterations: 5, warmupIterations: 1, time: 0 };

describe(`store ${N} captured addresses`, () => {
  figureBench(
    { id: 'vault.store-plain-10k' },
    'plaintext: Dexie bulkPut of the rows with the address object in the clear (baseline)',
    async () => {
      await plainDb.transaction('rw', plainDb.buyers, () => plainDb.buyers.bulkPut(plaintextRows as never));
    },
    opts,
  );
  figureBench(
    { id: 'vault.store-sealed-10k', baselineId: 'vault.store-plain-10k', target: { maxRatio: 1.25 } },
    'sealed: seal each address + Dexie bulkPut of the same rows',
    async () => {
      const sealer = createShreddingSealer(keys.publicKey);
      const rows = plaintextRows.map(({ pii, ...row }) => ({ ...row, sealed: sealBuyerPii(sealer, row.orderSn, pii, row.purgeAt).sealed }));
      await sealedDb.transaction('rw', sealedDb.buyers, () => sealedDb.buyers.bulkPut(rows));
    },
    opts,
  );
  figureBench(
    { id: 'vault.encode-10k' },
    'encoding alone: the JSON layout of each address, no crypto (baseline of sealing)',
    () => {
      for (const a of addresses) encodeBuyerPii(a.pii);
    },
    opts,
  );
  figureBench(
    { id: 'vault.seal-10k', baselineId: 'vault.encode-10k' },
    'sealing alone (JSON + XChaCha20-Poly1305, one ephemeral X25519 per batch)',
    () => {
      const sealer = createShreddingSealer(keys.publicKey);
      for (const a of addresses) sealBuyerPii(sealer, a.orderSn, a.pii, now);
    },
    opts,
  );
  figureBench(
    { id: 'vault.store-captured-10k', baselineId: 'vault.store-sealed-10k' },
    'storeCapturedAddresses end to end (reads orders+buyers, seals, writes buyers+orders+audit in one transaction)',
    async () => {
      await storeCapturedAddresses(sealedDeps, addresses, 'content', { retentionDays: 28 });
    },
    { iterations: 3, warmupIterations: 1, time: 0 },
  );
});

describe('unlock (scrypt N=2^16, r=8, p=1)', () => {
  const wrapped = wrapVaultKeys(keys, 'violet tractor mango 7 lantern', DEFAULT_SCRYPT_COST);
  figureBench(
    { id: 'vault.scrypt' },
    'scrypt alone, same parameters (baseline)',
    () => {
      deriveWrappingKey('violet tractor mango 7 lantern', wrapped.kdf);
    },
    { iterations: 5, warmupIterations: 1, time: 0 },
  );
  figureBench(
    { id: 'vault.unlock', baselineId: 'vault.scrypt', target: { maxMs: 500 } },
    'unwrapVaultKeys (KDF + unwrap)',
    () => {
      unwrapVaultKeys(wrapped, 'violet tractor mango 7 lantern');
    },
    { iterations: 8, warmupIterations: 1, time: 0 },
  );
});
