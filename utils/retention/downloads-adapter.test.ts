import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { downloadsFileRemover } from './downloads-adapter';

interface FakeItem {
  id: number;
  state: 'in_progress' | 'complete' | 'interrupted';
  exists: boolean;
}

/** chrome.downloads in memory (the fake browser leaves it unimplemented): history + disk. */
function installFakeDownloads(items: FakeItem[], options: { removeFileFails?: (item: FakeItem) => boolean } = {}) {
  const history = new Map(items.map((i) => [i.id, { ...i }]));
  const calls: string[] = [];
  const downloads = fakeBrowser.downloads as unknown as Record<string, unknown>;
  downloads.search = async ({ id }: { id: number }) => {
    const item = history.get(id);
    return item ? [{ ...item }] : [];
  };
  downloads.cancel = async (id: number) => {
    calls.push(`cancel:${id}`);
    const item = history.get(id);
    // Chromium deletes the partial file of a cancelled download.
    if (item) Object.assign(item, { state: 'interrupted', exists: false });
  };
  downloads.removeFile = async (id: number) => {
    calls.push(`removeFile:${id}`);
    const item = history.get(id);
    if (!item?.exists) throw new Error('Download file already deleted');
    if (options.removeFileFails?.(item)) throw new Error('file is locked');
    item.exists = false;
  };
  downloads.erase = async ({ id }: { id: number }) => {
    calls.push(`erase:${id}`);
    history.delete(id);
    return [id];
  };
  return { history, calls };
}

describe('downloadsFileRemover (chrome.downloads adapter)', () => {
  beforeEach(() => fakeBrowser.reset());

  it('removes a finished file from disk and erases it from history', async () => {
    const fake = installFakeDownloads([{ id: 1, state: 'complete', exists: true }]);
    expect(await downloadsFileRemover.removeDownload(1)).toBe('removed');
    expect(fake.calls).toEqual(['removeFile:1', 'erase:1']);
    expect(fake.history.has(1)).toBe(false);
  });

  it('cancels an in-progress download (its partial file goes) and erases it, without removeFile', async () => {
    const fake = installFakeDownloads([{ id: 2, state: 'in_progress', exists: true }]);
    expect(await downloadsFileRemover.removeDownload(2)).toBe('removed');
    expect(fake.calls).toEqual(['cancel:2', 'erase:2']);
  });

  it('counts a file deleted by hand (exists: false) as missing and only erases the entry', async () => {
    const fake = installFakeDownloads([{ id: 3, state: 'complete', exists: false }]);
    expect(await downloadsFileRemover.removeDownload(3)).toBe('missing');
    expect(fake.calls).toEqual(['erase:3']);
  });

  it('counts an id no longer in the history as missing, touching nothing', async () => {
    const fake = installFakeDownloads([]);
    expect(await downloadsFileRemover.removeDownload(4)).toBe('missing');
    expect(fake.calls).toEqual([]);
  });

  it('throws when removeFile fails and the file is still there, keeping the history entry for the retry', async () => {
    const fake = installFakeDownloads([{ id: 5, state: 'complete', exists: true }], { removeFileFails: () => true });
    await expect(downloadsFileRemover.removeDownload(5)).rejects.toThrow(/locked/);
    expect(fake.calls).toEqual(['removeFile:5']);
    expect(fake.history.get(5)).toMatchObject({ exists: true });
  });

  it('treats a removeFile failure for a file that vanished meanwhile as missing', async () => {
    const fake = installFakeDownloads([{ id: 6, state: 'complete', exists: true }], {
      removeFileFails: (item) => {
        item.exists = false; // deleted by the seller while we tried
        return true;
      },
    });
    expect(await downloadsFileRemover.removeDownload(6)).toBe('missing');
    expect(fake.calls).toEqual(['removeFile:6', 'erase:6']);
  });
});
