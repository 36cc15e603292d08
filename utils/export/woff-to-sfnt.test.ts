import { readFileSync } from 'node:fs';
import fontkit from '@pdf-lib/fontkit';
import { describe, expect, it } from 'vitest';
import { FONTS_DIR } from '../../tests/support/node-font-provider';
import { isWoff, woffToSfnt } from './woff-to-sfnt';

describe('woffToSfnt', () => {
  it.each(['noto-sans-latin-ext-400-normal.woff', 'noto-sans-sc-119-400-normal.woff'])('unwraps %s to the same font', async (file) => {
    const woff = new Uint8Array(readFileSync(FONTS_DIR + file));
    expect(isWoff(woff)).toBe(true);
    const sfnt = await woffToSfnt(woff);
    expect(isWoff(sfnt)).toBe(false);
    const fromWoff = fontkit.create(woff);
    const fromSfnt = fontkit.create(sfnt);
    expect(fromSfnt.numGlyphs).toBe(fromWoff.numGlyphs);
    expect(fromSfnt.unitsPerEm).toBe(fromWoff.unitsPerEm);
    const text = file.includes('-sc-') ? '王小明北京市' : 'Łódź Źródlana';
    const advances = (font: typeof fromWoff) => font.layout(text).glyphs.map((g) => [g.id, g.advanceWidth]);
    expect(advances(fromSfnt)).toEqual(advances(fromWoff));
  });

  it('passes non-WOFF bytes through and rejects damaged WOFF', async () => {
    const plain = new Uint8Array([0, 1, 0, 0, 9]);
    expect(await woffToSfnt(plain)).toBe(plain);
    const woff = new Uint8Array(readFileSync(`${FONTS_DIR}noto-sans-latin-400-normal.woff`));
    await expect(woffToSfnt(woff.subarray(0, 60))).rejects.toThrow(/truncated|damaged/);
  });
});
