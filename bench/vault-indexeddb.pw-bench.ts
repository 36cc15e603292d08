import { test } from '../tests/e2e/harness';

/**
 * Measurement, not a check: real Chromium IndexedDB cost of storing
 * 10,000 buyer rows in the clear vs as 248-byte sealed blobs (the size sealBuyerPii produces for
 * these rows). Combined with the sealing time from bench/vault.bench.ts (same V8) this gives the
 * browser's plaintext/sealed ratio; fake-indexeddb in the Vitest bench writes far faster than
 * Chromium, which understates it.
 */
test('bench: Chromium IndexedDB put of 10,000 plaintext vs sealed-size rows', async ({ openExtensionPage }) => {
  const page = await openExtensionPage('options.html');
  const result = await page.evaluate(async () => {
    const N = 10_000;
    const open = (name: string) =>
      new Promise<IDBDatabase>((resolve, reject) => {
        const r = indexedDB.open(name, 1);
        r.onupgradeneeded = () => r.result.createObjectStore('buyers', { keyPath: 'orderSn' });
        r.onsuccess = () => resolve(r.result);
        r.onerror = () => reject(r.error);
      });
    const putAll = (db: IDBDatabase, rows: unknown[]) =>
      new Promise<void>((resolve, reject) => {
        const tx = db.transaction('buyers', 'readwrite');
        for (const row of rows) tx.objectStore('buyers').put(row);
        tx.oncomplete = () => resolve();
        tx.onerror = () => reject(tx.error);
      });
    const row = (i: number) => ({ orderSn: `PO-${i}`, shopId: '634418212', purgeAt: 1, capturedAt: 1, source: 'api' });
    const pii = (i: number) => ({
      name: `Buyer ${i} Łukasz 王小明`,
      phone: `+33 6 ${i}`,
      backupPhone: null,
      email: 'buyer@example.com',
      addressLine1: `${i} Rue de la Paix, Bâtiment B`,
      addressLine2: null,
      addressLine3: null,
      city: 'Springfield',
      state: 'IL',
      district: null,
      postcode: '62701',
      country: 'United States',
      countryCode: 'US',
      taxCode: null,
    });
    const plain = Array.from({ length: N }, (_, i) => ({ ...row(i), pii: pii(i) }));
    const sealed = Array.from({ length: N }, (_, i) => ({ ...row(i), sealed: crypto.getRandomValues(new Uint8Array(248)) }));
    const ms: { plain: number[]; sealedRows: number[] } = { plain: [], sealedRows: [] };
    for (let round = 0; round < 4; round++) {
      const a = await open(`bench-plain-${round}`);
      let t = performance.now();
      await putAll(a, plain);
      ms.plain.push(Math.round(performance.now() - t));
      a.close();
      const b = await open(`bench-sealed-${round}`);
      t = performance.now();
      await putAll(b, sealed);
      ms.sealedRows.push(Math.round(performance.now() - t));
      b.close();
    }
    return ms;
  });
  console.log(`[vault bench] Chromium IndexedDB put of 10,000 rows, ms: ${JSON.stringify(result)}`);
});
