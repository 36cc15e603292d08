import { beforeEach, describe, expect, it, vi } from 'vitest';
import { type HandlerTestDeps, readerHandlerSetup } from '../../tests/support/handler-test-deps';
import type { AppDb } from '../db/app-db';
import { readMeta, writeMeta } from '../meta-store';
import { type OwnDownload, planDownloadReconcile } from './download-reconcile';
import { reconcileExportDownloads } from './download-reconcile-service';

const NOW = Date.UTC(2026, 11, 2, 8, 0);
const ME = 'abcdefghijklmnopabcdefghijklmnop';
const item = (id: number, state: OwnDownload['state'], startedAt = NOW - 60_000, byExtensionId: string | undefined = ME): OwnDownload => ({
  id,
  byExtensionId,
  url: `blob:chrome-extension://${ME}/${id}`,
  state,
  startedAt,
});

describe('planDownloadReconcile', () => {
  it('removes only untracked downloads of this extension started before the worker, and interrupted tracked ones', () => {
    const plan = planDownloadReconcile({
      downloads: [
        item(1, 'complete'), // tracked, good file
        item(2, 'complete'), // untracked: orphan
        item(3, 'interrupted'), // untracked partial: orphan
        item(4, 'interrupted'), // tracked but interrupted
        item(5, 'in_progress'), // tracked, still writing (an earlier worker idled out)
        { ...item(6, 'complete'), byExtensionId: undefined }, // saved by the seller through the browser
        item(7, 'complete', NOW - 60_000, 'another-extension-id-aaaaaaaaaaa'),
        item(8, 'in_progress', NOW), // started by this worker: its handler tracks or removes it
        item(9, 'in_progress', NOW + 5),
        // After a browser crash Chromium lost byExtensionId; the URL noted before the start names it ours.
        { ...item(10, 'interrupted'), byExtensionId: undefined },
        { ...item(12, 'complete'), byExtensionId: undefined, url: 'blob:chrome-extension://x/not-noted' },
      ],
      intendedUrls: new Set([`blob:chrome-extension://${ME}/10`]),
      liveExports: [
        { id: 11, downloadId: 1 },
        { id: 14, downloadId: 4 },
        { id: 15, downloadId: 5 },
      ],
      extensionId: ME,
      startedBefore: NOW,
    });
    expect(plan).toEqual({ orphans: [2, 3, 10], interrupted: [{ exportId: 14, downloadId: 4 }] });
  });
});

describe('reconcileExportDownloads', () => {
  let db: AppDb;
  let deps: HandlerTestDeps;
  let removeDownload: ReturnType<typeof vi.fn<(id: number) => Promise<'removed' | 'missing'>>>;

  beforeEach(async () => {
    ({ deps, db } = await readerHandlerSetup(NOW));
    removeDownload = vi.fn(async (id: number) => {
      if (id === 66) throw new Error('file is locked');
      return 'removed' as const;
    });
    deps.exportFiles = { removeDownload };
  });

  const row = (downloadId: number, state: 'live' | 'removed', orderSns: string[]) => ({
    createdAt: NOW - 120_000,
    purgeAt: NOW + 86_400_000,
    downloadId,
    fileName: `f${downloadId}.pdf`,
    format: 'pdf-4x6',
    orderSns,
    state,
    removedAt: state === 'removed' ? NOW - 1 : null,
  });

  it('removes orphans and interrupted exports, marks those rows removed, audits counts once', async () => {
    const [goodId, interruptedId] = (await db.exports.bulkAdd([row(1, 'live', ['PO-1']), row(4, 'live', ['PO-4']), row(5, 'removed', ['PO-5'])], { allKeys: true })) as number[];
    deps.exportDownloads = {
      ...deps.exportDownloads,
      listStartedBefore: vi.fn(async () => [item(1, 'complete'), item(2, 'complete'), item(4, 'interrupted'), item(5, 'complete'), item(66, 'complete')]),
    };
    await writeMeta(db, 'export.downloadIntents', [
      { url: 'blob:chrome-extension://x/old', at: NOW - 1_000 },
      { url: `blob:chrome-extension://${ME}/66`, at: NOW - 1_000 },
      { url: 'blob:chrome-extension://x/this-worker', at: NOW },
    ]);
    const result = await reconcileExportDownloads(deps, { extensionId: ME, startedBefore: NOW });
    // Handled intents dropped; the one whose removal failed is kept for the next start, and this worker's own.
    expect((await readMeta(db, 'export.downloadIntents'))!.map((i) => i.url)).toEqual([`blob:chrome-extension://${ME}/66`, 'blob:chrome-extension://x/this-worker']);
    // 5's row is removed, yet its download still exists: not tracked by a live export, so it goes.
    expect(result).toEqual({ orphans: 2, interrupted: 1, failed: 1 });
    expect(removeDownload.mock.calls.map(([id]) => id).sort()).toEqual([2, 4, 5, 66]);
    expect(await db.exports.get(goodId!)).toMatchObject({ state: 'live', removedAt: null });
    expect(await db.exports.get(interruptedId!)).toMatchObject({ state: 'removed', removedAt: NOW });
    const audit = await db.audit.toArray();
    expect(audit.map((a) => [a.action, a.counts, a.orderSns, a.detail])).toEqual([['export.downloads-reconciled', { orphans: 2, interrupted: 1, failed: 1 }, ['PO-4'], null]]);
    expect(deps.notified).toBe(1);
  });

  it('writes nothing when every download is tracked and good', async () => {
    await db.exports.add(row(1, 'live', ['PO-1']));
    deps.exportDownloads = { ...deps.exportDownloads, listStartedBefore: vi.fn(async () => [item(1, 'complete')]) };
    expect(await reconcileExportDownloads(deps, { extensionId: ME, startedBefore: NOW })).toEqual({ orphans: 0, interrupted: 0, failed: 0 });
    expect(removeDownload).not.toHaveBeenCalled();
    expect(await db.audit.count()).toBe(0);
    expect(deps.notified).toBe(0);
  });
});
