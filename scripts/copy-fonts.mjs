// Copies the label fonts from their npm packages into public/fonts/ and writes
// public/fonts/manifest.json (file + Unicode ranges per file), read by utils/export/fonts.ts.
// Fontsource ships each font split into Unicode-range slices (Noto Sans SC: 101 slices), so a
// label only loads and embeds the slices its text needs. WOFF (zlib) is used, not WOFF2:
// @pdf-lib/fontkit inflates zlib with pako far faster than it decodes Brotli in JS.
// Run: node scripts/copy-fonts.mjs  (idempotent; run before `wxt build`).
import { copyFileSync, mkdirSync, readFileSync, writeFileSync, readdirSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(join(root, 'package.json'));
const outDir = join(root, 'public', 'fonts');

/** Order = priority: the first family that covers a character draws it (Latin from Noto Sans, not from the SC slices). */
const FAMILIES = [
  { pkg: '@fontsource/noto-sans', css: '400.css', family: 'Noto Sans' },
  { pkg: '@fontsource/noto-sans-sc', css: '400.css', family: 'Noto Sans SC' },
];

function parseRanges(value) {
  return value.split(',').map((part) => {
    const [start, end] = part.trim().replace(/^U\+/i, '').split('-');
    const a = Number.parseInt(start, 16);
    return [a, end === undefined ? a : Number.parseInt(end, 16)];
  });
}

rmSync(outDir, { recursive: true, force: true });
mkdirSync(outDir, { recursive: true });
const fonts = [];
for (const { pkg, css, family } of FAMILIES) {
  const pkgDir = dirname(require.resolve(`${pkg}/package.json`));
  const text = readFileSync(join(pkgDir, css), 'utf8');
  for (const face of text.matchAll(/@font-face\s*{([^}]*)}/g)) {
    const body = face[1];
    const file = /url\(\.\/files\/([^)]+\.woff)\)\s*format\('woff'\)/.exec(body)?.[1];
    const range = /unicode-range:\s*([^;]+);/.exec(body)?.[1];
    if (!file || !range) continue;
    copyFileSync(join(pkgDir, 'files', file), join(outDir, file));
    fonts.push({ file, family, ranges: parseRanges(range) });
  }
  copyFileSync(join(pkgDir, 'LICENSE'), join(outDir, `LICENSE-${pkg.split('/')[1]}.txt`));
}
writeFileSync(join(outDir, 'manifest.json'), `${JSON.stringify({ version: 1, fonts })}\n`);
const count = readdirSync(outDir).filter((f) => f.endsWith('.woff')).length;
console.log(`copy-fonts: ${count} font files -> public/fonts`);
