import { describe, expect, it } from 'vitest';
import { FILE_RETRY_DELAY_MS, removeDueExportFiles } from './export-file-cleanup';
import { nextRetentionDeadline } from './next-deadline';
import { DAY_MS } from './retention-rule';
import { exportFile, FakeDownloads, makeTestDeps, T0, withFiles } from '../../tests/support/retention-test-data';

describe('removeDueExportFiles: a file that cannot be removed', () => {
  it('writes no audit entry when every removal failed, and does not keep the next deadline in the past', async () => {
    const deps = makeTestDeps();
    const files = new FakeDownloads();
    files.onDisk.add(7);
    files.broken.add(7);
    await deps.db.exports.add(exportFile(['PO-1'], T0 - DAY_MS, 7));

    // The alarm loop: clean up, then re-arm at the next deadline — twice.
    expect(await removeDueExportFiles(withFiles(deps, files), 'background')).toEqual({ removed: 0, missing: 0, failed: 1 });
    deps.clock.now += 30_000;
    expect(await removeDueExportFiles(withFiles(deps, files), 'background')).toEqual({ removed: 0, missing: 0, failed: 1 });

    expect(await deps.db.audit.count()).toBe(0);
    const [row] = await deps.db.exports.toArray();
    expect(row).toMatchObject({ state: 'live', purgeAt: T0 - DAY_MS, retryAfter: deps.clock.now + FILE_RETRY_DELAY_MS });
    // Re-armed for the sweep's retry, not for "now" (which fires every 30 s forever).
    expect(await nextRetentionDeadline(deps.db)).toBe(deps.clock.now + FILE_RETRY_DELAY_MS);
  });

  it('retries the stuck file when called again (sweep) and audits only the successful removal', async () => {
    const deps = makeTestDeps();
    const files = new FakeDownloads();
    files.onDisk.add(7).add(8);
    files.broken.add(7);
    await deps.db.exports.bulkAdd([exportFile(['PO-1'], T0, 7), exportFile(['PO-2'], T0, 8)]);

    expect(await removeDueExportFiles(withFiles(deps, files), 'background')).toEqual({ removed: 1, missing: 0, failed: 1 });
    let audit = await deps.db.audit.toArray();
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ action: 'retention.files-removed', orderSns: ['PO-2'], counts: { removed: 1, failed: 1 } });

    files.broken.delete(7);
    deps.clock.now += FILE_RETRY_DELAY_MS;
    expect(await removeDueExportFiles(withFiles(deps, files), 'background')).toEqual({ removed: 1, missing: 0, failed: 0 });
    audit = await deps.db.audit.toArray();
    expect(audit).toHaveLength(2);
    expect(await deps.db.exports.where('state').equals('live').count()).toBe(0);
    expect(await nextRetentionDeadline(deps.db)).toBeNull();
  });
});
