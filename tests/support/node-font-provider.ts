import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { createFontProvider, type FontManifest, type FontProvider } from '../../utils/export/fonts';

/** Node loader for tests and benchmarks: reads public/fonts/ from disk (the extension fetches it). */
export const FONTS_DIR = fileURLToPath(new URL('../../public/fonts/', import.meta.url));

export async function loadFontsFromDisk(dir = FONTS_DIR): Promise<FontProvider> {
  const manifest = JSON.parse(await readFile(`${dir}manifest.json`, 'utf8')) as FontManifest;
  return createFontProvider(manifest, async (file) => new Uint8Array(await readFile(dir + file)));
}
