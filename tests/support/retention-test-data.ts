import { memoryShredFiles, memoryShredKeys } from './memory-shred-files';
import type { BackgroundDeps } from '../../utils/background-deps';
import { AppDb } from '../../utils/db/app-db';
import type { BuyerRecord, ExportRecord, OrderRecord } from '../../utils/db/records';
import type { ExportFileRemover, FileRemoval } from '../../utils/retention/export-file-remover';
import { testBrowserPorts } from './test-ports';

/** Test/bench data only (imported by *.test.ts and bench/). */
export const T0 = Date.UTC(2026, 10, 1, 12, 0, 0);

export interface TestDeps extends BackgroundDeps {
  clock: { now: number };
  notified: number;
}

export function makeTestDeps(name = `test-${crypto.randomUUID()}`): TestDeps {
  const clock = { now: T0 };
  const db = new AppDb(name);
  const deps: TestDeps = {
    ...testBrowserPorts,
    db,
    shredKeys: memoryShredKeys(memoryShredFiles(), db),
    clock,
    now: () => clock.now,
    notified: 0,
    notifyChanged: async () => {
      deps.notified++;
    },
  };
  return deps;
}

export function heldOrder(orderSn: string, purgeAt: number, over: Partial<OrderRecord> = {}): OrderRecord {
  return {
    orderSn,
    shopId: '1001',
    status: 'shipped',
    statusCode: 4,
    createdAt: null,
    shipBy: null,
    shippedAt: null,
    shippedAtSource: null,
    deliveredAt: null,
    capturedAt: T0,
    updatedAt: T0,
    purgeAt,
    exportedAt: null,
    exportFormat: null,
    piiState: 'present',
    itemCount: 1,
    ...over,
  };
}

export function sealedBuyer(orderSn: string, purgeAt: number, over: Partial<BuyerRecord> = {}): BuyerRecord {
  return { orderSn, shopId: '1001', purgeAt, capturedAt: T0, source: 'api', sealed: new Uint8Array([1, 2, 3]), ...over };
}

/** Stores an order holding PII (orders + buyers rows, as the vault writes them). */
export async function seedHeld(deps: BackgroundDeps, orderSn: string, purgeAt: number, over: Partial<OrderRecord> = {}): Promise<void> {
  const order = heldOrder(orderSn, purgeAt, over);
  await deps.db.orders.put(order);
  await deps.db.buyers.put(sealedBuyer(orderSn, purgeAt, { shopId: order.shopId, capturedAt: order.capturedAt }));
}

export function exportFile(orderSns: string[], purgeAt: number, downloadId: number | null, over: Partial<ExportRecord> = {}): ExportRecord {
  return { createdAt: T0, purgeAt, downloadId, fileName: 'labels-4x6.pdf', format: 'pdf-4x6', orderSns, state: 'live', removedAt: null, ...over };
}

/** A downloads folder in memory: ids present are files on disk; `broken` ids throw. */
export class FakeDownloads implements ExportFileRemover {
  readonly onDisk = new Set<number>();
  readonly broken = new Set<number>();
  readonly calls: number[] = [];
  async removeDownload(downloadId: number): Promise<FileRemoval> {
    this.calls.push(downloadId);
    if (this.broken.has(downloadId)) throw new Error('file is locked');
    return this.onDisk.delete(downloadId) ? 'removed' : 'missing';
  }
}

export interface FakeRetentionPorts {
  files: FakeDownloads;
  session: Record<string, unknown>;
  sessionCaches: BackgroundDeps['sessionCaches'];
}

/** The deps with a fake downloads folder and session caches in place of the browser's. */
export function withPorts<D extends BackgroundDeps>(deps: D, ports: Pick<FakeRetentionPorts, 'files' | 'sessionCaches'>): D {
  return { ...deps, exportFiles: ports.files, sessionCaches: ports.sessionCaches };
}

/** The deps with a fake downloads folder in place of chrome.downloads. */
export function withFiles<D extends BackgroundDeps>(deps: D, files: ExportFileRemover): D {
  return { ...deps, exportFiles: files };
}

export function fakePorts(files = new FakeDownloads(), session: Record<string, unknown> = {}): FakeRetentionPorts {
  return {
    files,
    session,
    sessionCaches: {
      list: async () => Object.keys(session),
      clear: async () => {
        const n = Object.keys(session).length;
        for (const k of Object.keys(session)) delete session[k];
        return n;
      },
    },
  };
}
