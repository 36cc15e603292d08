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
  // Widths add up over segments (spaces, single CJK characters, other runs): pdf-lib draws
  // advance widths without kerning, and no ligature crosses those boundaries. Caching per
  // segment makes line wrapping cheap (fontkit's layout is the slow part).
  const segmentWidth = (segment: string) => {
    let unitWidth = widthCache.get(segment);
    if (unitWidth === undefined) {
      unitWidth = 0;
      for (const run of runs(segment)) unitWidth += fontOf(run.font).widthOfTextAtSize(run.text, 1);
      widthCache.set(segment, unitWidth);
    }
    return unitWidth;
  };
  return {
    clean: (text) => cleanLabelText(provider.manifest, text, lookup),
    runs,
    width(text, size) {
      let unitWidth = 0;
      for (const segment of text.match(MEASURE_SEGMENT) ?? []) unitWidth += segmentWidth(segment);
      return unitWidth * size;
    },
    ascent,
    descent,
    font: fontOf,
  };
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
