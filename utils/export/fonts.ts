import { woffToSfnt } from './woff-to-sfnt';

/**
 * Label fonts. The files live in `public/fonts/` (copied from @fontsource/noto-sans and
 * @fontsource/noto-sans-sc by scripts/copy-fonts.mjs) with a manifest giving each file's
 * Unicode ranges. Fontsource splits the fonts by range, so a document loads and embeds only
 * the slices its text uses (a CJK label touches a handful of the 101 Noto Sans SC slices).
 * Loading is the caller's job (fetch in the extension, fs in Node): these functions never
 * read files themselves.
 */
export interface FontManifestEntry {
  file: string;
  family: string;
  /** Inclusive code point ranges, as in the CSS unicode-range of the slice. */
  ranges: [number, number][];
}

export interface FontManifest {
  version: 1;
  /** In priority order: the first entry whose ranges hold a character draws it. */
  fonts: FontManifestEntry[];
}

export interface FontProvider {
  manifest: FontManifest;
  /** Bytes of one manifest file as a plain TrueType/OpenType font; cached, so a second call costs nothing. */
  load(file: string): Promise<Uint8Array>;
}

/** Wraps a byte loader with a cache. `loadBytes` gets a file name from the manifest. */
export function createFontProvider(manifest: FontManifest, loadBytes: (file: string) => Promise<Uint8Array>): FontProvider {
  assertManifest(manifest);
  const cache = new Map<string, Promise<Uint8Array>>();
  return {
    manifest,
    load(file) {
      let bytes = cache.get(file);
      if (!bytes) {
        // WOFF is unwrapped once here; see woff-to-sfnt.ts for the measured reason.
        bytes = loadBytes(file).then(woffToSfnt);
        // A failed load must not poison the cache: the next export retries.
        bytes.catch(() => cache.delete(file));
        cache.set(file, bytes);
      }
      return bytes;
    },
  };
}

/**
 * Browser/worker loader: `baseUrl` is the fonts folder, e.g. `browser.runtime.getURL('/fonts/')`
 * (the caller resolves it: this module makes no `browser.*` calls).
 */
export async function loadFontsFromUrl(baseUrl: string, fetchFn: typeof fetch = fetch): Promise<FontProvider> {
  const base = baseUrl.endsWith('/') ? baseUrl : `${baseUrl}/`;
  const fetchOk = async (url: string) => {
    const response = await fetchFn(url);
    if (!response.ok) throw new Error(`Font file not found: ${url} (${response.status})`);
    return response;
  };
  const manifest = (await (await fetchOk(`${base}manifest.json`)).json()) as FontManifest;
  return createFontProvider(manifest, async (file) => new Uint8Array(await (await fetchOk(base + file)).arrayBuffer()));
}

/** The manifest file that draws `codePoint`, or undefined when no label font has it. */
export function fontFileForCodePoint(manifest: FontManifest, codePoint: number): string | undefined {
  for (const entry of manifest.fonts) {
    for (const [start, end] of entry.ranges) {
      if (codePoint >= start && codePoint <= end) return entry.file;
    }
  }
  return undefined;
}

function assertManifest(manifest: FontManifest): void {
  if (manifest?.version !== 1 || !Array.isArray(manifest.fonts) || manifest.fonts.length === 0) {
    throw new Error('Font manifest is missing or has an unknown version (run scripts/copy-fonts.mjs).');
  }
}
