import { PDFName, type PDFDocument, type PDFFont, type PDFPage } from 'pdf-lib';
import type { DrawOp } from './label-layout';
import type { TextShaper } from './pdf-text';

/** Draws layout ops onto the pages of one document; `finish` attaches what was drawn. */
export interface PageWriter {
  draw(page: PDFPage, ops: DrawOp[]): void;
  /** Attaches every page's content stream (and its font names) to its page. Once, before `doc.save()`. */
  finish(): void;
}

/**
 * Writes page content as PDF operator text, instead of pdf-lib's operator objects. Measured
 * (issue 11, 500 4x6 labels): building pdf-lib's per-operator objects and formatting their
 * numbers took about a third of a cold render, much of it as garbage. The operators are the
 * same as before: each draw is one `q…Q` block, a text op is one BT…ET block whose runs follow
 * on (Tj advances the pen), consecutive bars are one fill. Each font has one resource name in
 * the whole document (`/F0`, `/F1`, …), set on the pages that use it.
 *
 * Page content is stored uncompressed (issue 11): a 500-label file is ~2 MB instead of ~0.6 MB,
 * and a fresh render worker saves its costliest cold step. Measured: deflating 500 page streams
 * with pako took ~0.3–0.5 s of CPU in a fresh process (its first 500 calls run unoptimized; warm,
 * 0.1 s), about a sixth of the render; the platform's CompressionStream costs several ms per
 * stream in Chromium (500 pages: seconds). Printers and viewers read both alike; the file is
 * deleted with its orders' buyer data either way.
 */
export function createPageWriter(doc: PDFDocument, shaper: TextShaper): PageWriter {
  const pages = new Map<PDFPage, { parts: string[]; fonts: Set<PDFFont> }>();
  const fontNames = new Map<PDFFont, PDFName>();
  const fontName = (font: PDFFont) => {
    let name = fontNames.get(font);
    if (!name) {
      name = PDFName.of(`F${fontNames.size}`);
      fontNames.set(font, name);
    }
    return name;
  };
  return {
    draw(page, ops) {
      let content = pages.get(page);
      if (!content) {
        content = { parts: [], fonts: new Set() };
        pages.set(page, content);
      }
      const { parts, fonts } = content;
      parts.push('q\n0 g\n0 G\n');
      let barsOpen = false;
      for (const op of ops) {
        if (op.kind === 'bar') {
          parts.push(`${num(op.x)} ${num(op.y)} ${num(op.width)} ${num(op.height)} re\n`);
          barsOpen = true;
          continue;
        }
        if (barsOpen) {
          parts.push('f\n');
          barsOpen = false;
        }
        if (op.kind === 'line') {
          const dash = (op.dash ?? []).map(num).join(' ');
          parts.push(`q\n${num(op.thickness)} w\n[${dash}] 0 d\n${num(op.x1)} ${num(op.y1)} m\n${num(op.x2)} ${num(op.y2)} l\nS\nQ\n`);
        } else {
          parts.push(`BT\n${num(op.x)} ${num(op.baseline)} Td\n`);
          for (const run of shaper.runs(op.text)) {
            const font = shaper.font(run.font);
            fonts.add(font);
            parts.push(`${fontName(font).asString()} ${num(op.size)} Tf\n${shaper.encode(run)} Tj\n`);
          }
          parts.push('ET\n');
        }
      }
      if (barsOpen) parts.push('f\n');
      parts.push('Q\n');
    },
    finish() {
      const encoder = new TextEncoder();
      for (const [page, { parts, fonts }] of pages) {
        for (const font of fonts) page.node.setFontDictionary(fontName(font), font.ref);
        page.node.addContentStream(doc.context.register(doc.context.stream(encoder.encode(parts.join('')))));
      }
      pages.clear();
    },
  };
}

/**
 * A number as PDF content-stream text: at most 3 decimals (1/1,000 pt; a 203 dpi printer dot
 * is 0.35 pt), never an exponent (values that would print with one round to 0).
 */
export function num(value: number): string {
  const rounded = Math.round(value * 1_000) / 1_000;
  return Object.is(rounded, -0) ? '0' : String(rounded);
}
