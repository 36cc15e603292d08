import { existsSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { FONTS_DIR } from '../../tests/support/node-font-provider';
import { createFontProvider, fontFileForCodePoint, loadFontsFromUrl, type FontManifest } from './fonts';

const manifest = JSON.parse(readFileSync(`${FONTS_DIR}manifest.json`, 'utf8')) as FontManifest;

describe('font manifest (public/fonts, made by scripts/copy-fonts.mjs)', () => {
  it('lists files that exist', () => {
    expect(manifest.fonts.length).toBeGreaterThan(100);
    for (const entry of manifest.fonts) expect(existsSync(FONTS_DIR + entry.file), entry.file).toBe(true);
  });

  it('is in step with the installed @fontsource packages (re-run scripts/copy-fonts.mjs after an upgrade)', () => {
    const require = createRequire(import.meta.url);
    const packageDir = (family: string) => dirname(require.resolve(`@fontsource/${family === 'Noto Sans' ? 'noto-sans' : 'noto-sans-sc'}/package.json`));
    for (const entry of manifest.fonts) {
      const source = join(packageDir(entry.family), 'files', entry.file);
      expect(statSync(source).size, entry.file).toBe(statSync(FONTS_DIR + entry.file).size);
    }
  });

  it('covers every script the labels promise, Latin from Noto Sans first', () => {
    const family = (char: string) => manifest.fonts.find((f) => f.file === fontFileForCodePoint(manifest, char.codePointAt(0)!))?.family;
    for (const char of ['A', 'é', 'Ł', 'ß', 'Ж', 'Ω', '…', '×']) expect(family(char), char).toBe('Noto Sans');
    for (const char of ['王', '龘', 'あ', 'ア', '가', '，']) expect(family(char), char).toBe('Noto Sans SC');
    expect(fontFileForCodePoint(manifest, 0x1f600)).toBeUndefined();
  });
});

describe('createFontProvider / loadFontsFromUrl', () => {
  it('loads each file once and retries after a failure', async () => {
    let calls = 0;
    const provider = createFontProvider(manifest, async (file) => {
      calls += 1;
      if (calls === 1) throw new Error('network');
      return new Uint8Array([file.length]);
    });
    await expect(provider.load('a.woff')).rejects.toThrow('network');
    await expect(provider.load('a.woff')).resolves.toEqual(new Uint8Array([6]));
    await provider.load('a.woff');
    expect(calls).toBe(2);
  });

  it('fetches the manifest and files relative to the base URL', async () => {
    const fetchFn = vi.fn(async (url: string | URL | Request) => {
      const href = String(url);
      if (href === 'chrome-extension://abc/fonts/manifest.json') return new Response(JSON.stringify(manifest));
      if (href.startsWith('chrome-extension://abc/fonts/noto')) return new Response(new Uint8Array([1, 2, 3]));
      return new Response('missing', { status: 404 });
    });
    const provider = await loadFontsFromUrl('chrome-extension://abc/fonts', fetchFn as typeof fetch);
    await expect(provider.load(manifest.fonts[0]!.file)).resolves.toEqual(new Uint8Array([1, 2, 3]));
    await expect(provider.load('nope.woff')).rejects.toThrow(/Font file not found/);
    await expect(loadFontsFromUrl('chrome-extension://abc/other/', fetchFn as typeof fetch)).rejects.toThrow(/Font file not found/);
  });

  it('refuses a manifest it does not understand', () => {
    expect(() => createFontProvider({ version: 2, fonts: [] } as unknown as FontManifest, async () => new Uint8Array())).toThrow(/copy-fonts/);
  });
});
