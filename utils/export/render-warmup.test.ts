import { describe, expect, it } from 'vitest';
import { loadFontsFromDisk } from '../../tests/support/node-font-provider';
import type { FontProvider } from './fonts';
import { warmLabelRenderer } from './render-warmup';

/** The disk fonts, counting the files loaded. */
async function countingFonts(): Promise<{ fonts: FontProvider; loaded: string[] }> {
  const disk = await loadFontsFromDisk();
  const loaded: string[] = [];
  return {
    loaded,
    fonts: {
      manifest: disk.manifest,
      load: (file) => {
        loaded.push(file);
        return disk.load(file);
      },
    },
  };
}

describe('warmLabelRenderer (issue 11: work before the buyer data exists)', () => {
  it('loads the font files the headings and order numbers need', async () => {
    const { fonts, loaded } = await countingFonts();
    await warmLabelRenderer(fonts, ['PO-211-01234567890123456']);
    expect(loaded.length).toBeGreaterThan(0);
  });

  it('does nothing once the render is asked (the render shapes the same texts itself)', async () => {
    const { fonts, loaded } = await countingFonts();
    await warmLabelRenderer(fonts, ['PO-211-01234567890123456'], () => true);
    expect(loaded).toEqual([]);
  });
});
