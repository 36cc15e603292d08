import {
  beginText,
  endText,
  fill,
  lineTo,
  moveText,
  moveTo,
  popGraphicsState,
  pushGraphicsState,
  rectangle,
  setDashPattern,
  setFillingGrayscaleColor,
  setFontAndSize,
  setLineWidth,
  setStrokingGrayscaleColor,
  showText,
  stroke,
  type PDFFont,
  type PDFHexString,
  type PDFName,
  type PDFOperator,
  type PDFPage,
} from 'pdf-lib';
import type { DrawOp } from './label-layout';
import type { TextShaper } from './pdf-text';

/**
 * Draws layout ops on a page with pdf-lib's content-stream operators. `page.drawText` and
 * `page.drawRectangle` were measured at ~150 µs and ~60 µs per call (they add a font resource
 * per call and wrap each in its own graphics state); a 4x6 label has ~25 text runs and ~30
 * bars, so 500 labels took 2–3 s. Here each font gets one resource name per page, a text op
 * is one BT…ET block whose runs follow on (Tj advances the pen), and the bars are one fill.
 */
export function drawOps(page: PDFPage, shaper: TextShaper, ops: DrawOp[]): void {
  const fontKeys = new Map<PDFFont, PDFName>();
  const fontKey = (font: PDFFont) => {
    let key = fontKeys.get(font);
    if (!key) {
      key = page.node.newFontDictionary(font.name, font.ref);
      fontKeys.set(font, key);
    }
    return key;
  };
  const out: PDFOperator[] = [pushGraphicsState(), setFillingGrayscaleColor(0), setStrokingGrayscaleColor(0)];
  let barsOpen = false;
  for (const op of ops) {
    if (op.kind === 'bar') {
      out.push(rectangle(op.x, op.y, op.width, op.height));
      barsOpen = true;
      continue;
    }
    if (barsOpen) {
      out.push(fill());
      barsOpen = false;
    }
    if (op.kind === 'line') {
      out.push(pushGraphicsState(), setLineWidth(op.thickness), setDashPattern(op.dash ?? [], 0), moveTo(op.x1, op.y1), lineTo(op.x2, op.y2), stroke(), popGraphicsState());
    } else {
      out.push(beginText(), moveText(op.x, op.baseline));
      for (const run of shaper.runs(op.text)) {
        const font = shaper.font(run.font);
        out.push(setFontAndSize(fontKey(font), op.size), showText(encodeCached(font, run.text)));
      }
      out.push(endText());
    }
  }
  if (barsOpen) out.push(fill());
  out.push(popGraphicsState());
  page.pushOperators(...out);
}

/**
 * pdf-lib shapes text again in encodeText; the ship-from block and headings repeat on every
 * label, so their encodings are reused. Safe: a subset font keeps a glyph's id once assigned.
 */
const encodings = new WeakMap<PDFFont, Map<string, PDFHexString>>();
function encodeCached(font: PDFFont, text: string): PDFHexString {
  let byText = encodings.get(font);
  if (!byText) {
    byText = new Map();
    encodings.set(font, byText);
  }
  let encoded = byText.get(text);
  if (!encoded) {
    encoded = font.encodeText(text);
    byText.set(text, encoded);
  }
  return encoded;
}
