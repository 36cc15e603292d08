import { memoryShredFiles, memoryShredKeys } from './memory-shred-files';
import Dexie from 'dexie';
import { vi } from 'vitest';
import { appendAudit } from '../../utils/audit/audit-log';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { OpenBuyers } from '../../utils/orders/orders-handlers';
import { LOCAL_KEYS } from '../../utils/storage-keys';
import type { BuyerOpenResult } from '../../utils/vault/vault-messages';
import type { BackgroundDeps } from '../../utils/background-deps';
import { testBrowserPorts } from './test-ports';
import { AppDb } from '../../utils/db/app-db';

/** Handler tests: a fresh database, a fixed clock, the browser ports over fakeBrowser, and a count of notifyChanged calls. */
export interface HandlerTestDeps extends BackgroundDeps {
  notified: number;
}

export function makeHandlerDeps(now: number): HandlerTestDeps {
  const db = new AppDb(`test-${crypto.randomUUID()}`);
  const deps: HandlerTestDeps = {
    ...testBrowserPorts,
    db,
    shredKeys: memoryShredKeys(memoryShredFiles(), db),
    now: () => now,
    notified: 0,
    notifyChanged: async () => {
      deps.notified++;
    },
  };
  return deps;
}

/** A stand-in for the vault's reader: answers what `opened` holds (tests set it), `none` otherwise. */
export interface FakeBuyerReader {
  opened: Record<string, BuyerOpenResult>;
  openBuyers: ReturnType<typeof vi.fn<OpenBuyers>>;
}

export function fakeBuyerReader(): FakeBuyerReader {
  const reader: FakeBuyerReader = {
    opened: {},
    openBuyers: vi.fn<OpenBuyers>(async (deps, sns, _actor, options) => {
      const results = Object.fromEntries(sns.map((sn) => [sn, reader.opened[sn] ?? { state: 'none' as const }]));
      // Like the vault's reader: the caller's part runs in the read's transaction, with the rows read.
      if (options?.alsoInTransaction) {
        const { db } = deps;
        const buyersWrites = db.writeCount('buyers');
        await db.transaction('rw', db.buyers, db.audit, async () => {
          const rows = await db.buyers.bulkGet(sns);
          const also = await Dexie.waitFor(options.alsoInTransaction!({ rows, results, buyersWrites }));
          if (also) await appendAudit(db, deps.now(), also);
        });
      }
      return { results };
    }),
  };
  return reader;
}

/** The settings the order and export handlers read: 28-day retention, 2-up sheets, a return address. */
export async function seedHandlerSettings(): Promise<void> {
  await fakeBrowser.storage.local.set({
    [LOCAL_KEYS.settings]: { retentionDays: 28, labelSheetLayout: '2up', returnAddress: { name: 'Acme Shop', city: 'Shenzhen' } },
  });
}

/** The order and export handler tests' starting point: fresh deps, a stand-in vault reader, seeded settings. */
export async function readerHandlerSetup(now: number): Promise<{ deps: HandlerTestDeps; db: HandlerTestDeps['db']; reader: FakeBuyerReader }> {
  const deps = makeHandlerDeps(now);
  await seedHandlerSettings();
  return { deps, db: deps.db, reader: fakeBuyerReader() };
}
