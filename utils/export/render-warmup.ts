import type { FontProvider } from './fonts';
import { createExportDocument } from './label-pdf';
import { LABEL_HEADINGS } from './label-text';
import { embedTextFonts } from './pdf-text';

/**
 * Work a label render can do before its buyer data exists (issue 11): the order numbers are in
 * the export request (they are not PII), the headings are constants. Loads (fetch, WOFF unwrap)
 * and shapes the fonts their text needs on a throw-away document, so the code the render runs is
 * compiled and the font files are in the provider's cache. Meant to run in the render worker
 * while export/prepare decrypts in the background. (Parsed fontkit fonts are not shared between
 * documents: a subset embedded from a font parsed for an earlier document lost text, caught by
 * label-pdf.test.ts.)
 */
export async function warmLabelRenderer(fonts: FontProvider, orderSns: readonly string[]): Promise<void> {
  // Barcodes are not encoded here: the export page does it and hands them over (barcode-symbols.ts).
  const texts = [...Object.values(LABEL_HEADINGS), ...orderSns, '0123456789 × …?'];
  const shaper = await embedTextFonts(await createExportDocument('warm-up'), fonts, texts);
  for (const text of texts) {
    const clean = shaper.clean(text);
    shaper.width(clean, 10);
    for (const run of shaper.runs(clean)) shaper.encode(run);
  }
}
