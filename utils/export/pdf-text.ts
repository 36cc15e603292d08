import fontkit from '@pdf-lib/fontkit';
import type { PDFDocument, PDFFont } from 'pdf-lib';
import { fontFileForCodePoint, type FontManifest, type FontProvider } from './fonts';

/** A piece of one line drawn with one font file. */
export interface TextRun {
  font: string;
  text: string;
}

/** Measures and splits text over the embedded font slices of one PDF document. */
export interface TextShaper {
  /** NFC, one line, collapsed spaces; characters no label font has become '?'. */
  clean(text: string): string;
  /** Splits cleaned text into runs of one font each. */
  runs(text: string): TextRun[];
  /** Advance width in points of cleaned text at `size`. */
  width(text: string, size: number): number;
  /** Largest ascender / descender (positive, per point of size) over the embedded fonts. */
  ascent: number;
  descent: number;
  font(file: string): PDFFont;
  /** A run as a PDF hex string of its font's (subset) glyph ids, for `Tj`; its drawn width is `width(run.text)`. */
  encode(run: TextRun): string;
}

/** Drawn when a character is in no label font (e.g. an emoji in a buyer's name). */
const REPLACEMENT = '?';
export const ELLIPSIS = '…';

/** Cleans text for drawing; pure, depends only on the manifest. */
export function cleanLabelText(manifest: FontManifest, text: string, lookup = createFileLookup(manifest)): string {
  const oneLine = text
    .normalize('NFC')
    .replace(/[\s\p{Cc}\p{Cf}\u2028\u2029]+/gu, ' ')
    .trim();
  let out = '';
  for (const char of oneLine) out += lookup(char.codePointAt(0)!) ? char : REPLACEMENT;
  return out;
}

/**
 * Embeds (subset) exactly the font slices that `texts` need, plus the Latin slice for headings,
 * '?' and the ellipsis. Call once per document with every text the document will draw.
 */
export async function embedTextFonts(doc: PDFDocument, provider: FontProvider, texts: Iterable<string>): Promise<TextShaper> {
  const lookup = createFileLookup(provider.manifest);
  const files = new Set<string>();
  for (const base of ['A?0', ELLIPSIS]) for (const char of base) files.add(lookup(char.codePointAt(0)!)!);
  for (const text of texts) {
    for (const char of cleanLabelText(provider.manifest, text, lookup)) files.add(lookup(char.codePointAt(0)!)!);
  }
  doc.registerFontkit(fontkit);
  const fonts = new Map<string, PDFFont>();
  const loaded = await Promise.all([...files].map(async (file) => [file, await provider.load(file)] as const));
  for (const [file, bytes] of loaded) fonts.set(file, await doc.embedFont(bytes, { subset: true }));

  let ascent = 0;
  let descent = 0;
  for (const font of fonts.values()) {
    const above = font.heightAtSize(1, { descender: false });
    ascent = Math.max(ascent, above);
    descent = Math.max(descent, font.heightAtSize(1) - above);
  }

  const widthCache = new Map<string, number>();
  const glyphs = new Map<string, Map<string, { width: number; hex: string }>>();
  const cleaned = new Map<string, string>();
  const encoded = new Map<string, string>();
  const fontOf = (file: string) => {
    const font = fonts.get(file);
    if (!font) throw new Error(`Font ${file} was not embedded: text was not passed to embedTextFonts`);
    return font;
  };
  const runs = (text: string): TextRun[] => {
    const out: TextRun[] = [];
    for (const char of text) {
      const file = lookup(char.codePointAt(0)!) ?? lookup(REPLACEMENT.codePointAt(0)!)!;
      const last = out[out.length - 1];
      if (last && last.font === file) last.text += char;
      else out.push({ font: file, text: char });
    }
    return out;
  };
  // Text of scripts that need no shaping is measured and drawn glyph by glyph, each character
  // shaped once per document (fontkit's layout is the slow part of a render: issue 11). Drawn
  // that way, a run is exactly the sum of its characters' advances; the only change from
  // shaping whole runs is that Latin ligatures (fi, fl) print as their two letters. Other
  // scripts (Devanagari, combining marks) keep whole-run shaping.
  const glyphsOf = (file: string) => {
    let byChar = glyphs.get(file);
    if (!byChar) {
      byChar = new Map();
      glyphs.set(file, byChar);
    }
    return byChar;
  };
  const glyph = (file: string, byChar: Map<string, { width: number; hex: string }>, char: string) => {
    let found = byChar.get(char);
    if (!found) {
      const font = fontOf(file);
      found = { width: font.widthOfTextAtSize(char, 1), hex: font.encodeText(char).toString().slice(1, -1) };
      byChar.set(char, found);
    }
    return found;
  };
  const runWidth = (run: TextRun) => {
    if (!drawsGlyphByGlyph(run.text)) return fontOf(run.font).widthOfTextAtSize(run.text, 1);
    const byChar = glyphsOf(run.font);
    let unitWidth = 0;
    for (const char of run.text) unitWidth += glyph(run.font, byChar, char).width;
    return unitWidth;
  };
  // Widths add up over segments (spaces, single CJK characters, other runs): pdf-lib draws
  // advance widths without kerning, and no ligature crosses those boundaries. Caching per
  // segment makes line wrapping cheap.
  const segmentWidth = (segment: string) => {
    let unitWidth = widthCache.get(segment);
    if (unitWidth === undefined) {
      unitWidth = 0;
      for (const run of runs(segment)) unitWidth += runWidth(run);
      widthCache.set(segment, unitWidth);
    }
    return unitWidth;
  };
  return {
    clean(text) {
      // Headings, the ship-from block and many place names repeat on every label.
      let clean = cleaned.get(text);
      if (clean === undefined) {
        clean = cleanLabelText(provider.manifest, text, lookup);
        cleaned.set(text, clean);
      }
      return clean;
    },
    runs,
    width(text, size) {
      let unitWidth = 0;
      for (const segment of text.match(MEASURE_SEGMENT) ?? []) unitWidth += segmentWidth(segment);
      return unitWidth * size;
    },
    ascent,
    descent,
    font: fontOf,
    encode(run) {
      if (drawsGlyphByGlyph(run.text)) {
        const byChar = glyphsOf(run.font);
        let hex = '<';
        for (const char of run.text) hex += glyph(run.font, byChar, char).hex;
        return `${hex}>`;
      }
      // The ship-from block and headings repeat on every label: shaped once.
      const key = `${run.font}\u0000${run.text}`;
      let hex = encoded.get(key);
      if (hex === undefined) {
        hex = fontOf(run.font).encodeText(run.text).toString();
        encoded.set(key, hex);
      }
      return hex;
    },
  };
}

/**
 * Scripts whose characters take the same glyph alone as in a word (no reordering, joining or
 * mark placement): Latin, Greek, Cyrillic, Han, kana, Hangul syllables, Bopomofo and common
 * punctuation, digits and symbols. Combining marks and conjoining Hangul jamo need shaping.
 */
const GLYPH_BY_GLYPH =
  /^[\p{Script=Latin}\p{Script=Greek}\p{Script=Cyrillic}\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\p{Script=Bopomofo}\p{Script=Common}]*$/u;
const NEEDS_SHAPING = /[\p{M}\u1100-\u11FF\uA960-\uA97F\uD7B0-\uD7FF]/u;

export function drawsGlyphByGlyph(text: string): boolean {
  return GLYPH_BY_GLYPH.test(text) && !NEEDS_SHAPING.test(text);
}

const CJK_CHAR = '\\u2E80-\\u9FFF\\uAC00-\\uD7AF\\uF900-\\uFAFF\\uFF00-\\uFFEF';
const MEASURE_SEGMENT = new RegExp(`\\s|[${CJK_CHAR}]|[^\\s${CJK_CHAR}]+`, 'gu');

/** Code point → font file, memoized (the manifest has ~1,000 ranges). */
function createFileLookup(manifest: FontManifest): (codePoint: number) => string | undefined {
  const memo = new Map<number, string | undefined>();
  return (codePoint) => {
    if (memo.has(codePoint)) return memo.get(codePoint);
    const file = fontFileForCodePoint(manifest, codePoint);
    memo.set(codePoint, file);
    return file;
  };
}
