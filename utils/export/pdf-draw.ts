import type { PDFDocument, PDFFont, PDFPage } from 'pdf-lib';
import type { DrawOp } from './label-layout';
import type { TextShaper } from './pdf-text';

/** Draws layout ops onto the pages of one document; `finish` attaches what was drawn. */
export interface PageWriter {
  draw(page: PDFPage, ops: DrawOp[]): void;
  /** Compresses every page's content stream and attaches it to its page. Once, before `doc.save()`. */
  finish(): Promise<void>;
}

/**
 * Writes page content as PDF operator text and compresses it with the platform's deflate
 * (CompressionStream: pages, workers and Node 18+), instead of pdf-lib's operator objects.
 * Measured (issue 11, 500 4x6 labels): pdf-lib's per-operator objects, its number formatting
 * and its pure-JS deflate (pako) of every page stream took about half of a cold render, mostly
 * as garbage. The operators are the same as before: each draw is one `q…Q` block, a text op is
 * one BT…ET block whose runs follow on (Tj advances the pen), consecutive bars are one fill, and
 * each font gets one resource name per page.
 */
export function createPageWriter(doc: PDFDocument, shaper: TextShaper): PageWriter {
  const pages = new Map<PDFPage, { parts: string[]; fontKeys: Map<PDFFont, string> }>();
  return {
    draw(page, ops) {
      let content = pages.get(page);
      if (!content) {
        content = { parts: [], fontKeys: new Map() };
        pages.set(page, content);
      }
      const { parts, fontKeys } = content;
      const fontKey = (font: PDFFont) => {
        let key = fontKeys.get(font);
        if (key === undefined) {
          key = page.node.newFontDictionary(font.name, font.ref).asString();
          fontKeys.set(font, key);
        }
        return key;
      };
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
            parts.push(`${fontKey(shaper.font(run.font))} ${num(op.size)} Tf\n${shaper.encode(run)} Tj\n`);
          }
          parts.push('ET\n');
        }
      }
      if (barsOpen) parts.push('f\n');
      parts.push('Q\n');
    },
    async finish() {
      const encoder = new TextEncoder();
      const entries = [...pages];
      pages.clear();
      const compressed = await Promise.all(entries.map(([, { parts }]) => deflate(encoder.encode(parts.join('')))));
      entries.forEach(([page], i) => {
        const stream = doc.context.stream(compressed[i]!, { Filter: 'FlateDecode' });
        page.node.addContentStream(doc.context.register(stream));
      });
    },
  };
}

/**
 * A number as PDF content-stream text: at most 4 decimals (1/10,000 pt), never an exponent
 * (values that would print with one round to 0 or are far outside any page).
 */
export function num(value: number): string {
  const rounded = Math.round(value * 10_000) / 10_000;
  return Object.is(rounded, -0) ? '0' : String(rounded);
}

/** zlib (RFC 1950) is what PDF's FlateDecode reads; the Compression Streams API calls it "deflate". */
async function deflate(bytes: Uint8Array): Promise<Uint8Array> {
  const stream = new Blob([bytes as BlobPart]).stream().pipeThrough(new CompressionStream('deflate'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}
