import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { discardDownload } from './downloads-adapter';

/** chrome.downloads in memory for one download (the fake browser leaves it unimplemented). */
function fakeDownload(item: { state: 'in_progress' | 'complete'; exists: boolean }, removeFileFails = false) {
  const calls: string[] = [];
  let erased = false;
  const downloads = fakeBrowser.downloads as unknown as Record<string, unknown>;
  downloads.cancel = async () => {
    calls.push('cancel');
    if (item.state === 'in_progress') Object.assign(item, { state: 'interrupted', exists: false });
  };
  downloads.removeFile = async () => {
    calls.push('removeFile');
    if (!item.exists) throw new Error('Download file already deleted');
    if (removeFileFails) throw new Error('file is locked');
    item.exists = false;
  };
  downloads.search = async () => (erased ? [] : [{ id: 42, ...item }]);
  downloads.erase = async () => {
    calls.push('erase');
    erased = true;
    return [42];
  };
  return { item, calls };
}

describe('discardDownload', () => {
  it('removes a finished file and erases it', async () => {
    const fake = fakeDownload({ state: 'complete', exists: true });
    await discardDownload(42);
    expect(fake.item.exists).toBe(false);
    expect(fake.calls).toEqual(['cancel', 'removeFile', 'erase']);
  });

  it('a cancelled in-progress download (no file left) is fine', async () => {
    const fake = fakeDownload({ state: 'in_progress', exists: true });
    await discardDownload(42);
    expect(fake.calls).toEqual(['cancel', 'removeFile', 'erase']);
  });

  it('throws when removeFile fails and the file is still on disk (the caller then tracks it as due)', async () => {
    const fake = fakeDownload({ state: 'complete', exists: true }, true);
    await expect(discardDownload(42)).rejects.toThrow(/locked/);
    expect(fake.item.exists).toBe(true);
    // Not erased: the history entry is what lets the retention sweep find and remove the file.
    expect(fake.calls).toEqual(['cancel', 'removeFile']);
  });
});
