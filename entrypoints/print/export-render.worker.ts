/// <reference lib="webworker" />
import { rememberCode128 } from '../../utils/export/barcode-symbols';
import { isTextExportFormat } from '../../utils/export/file-names';
import { type FontProvider, loadFontsFromUrl } from '../../utils/export/fonts';
import { renderPdfExportFile } from '../../utils/export/render-pdf-file';
import { warmLabelRenderer } from '../../utils/export/render-warmup';
import type { RenderReply, RenderWorkerMessage } from '../../components/export-pipeline/export-render-protocol';

/**
 * Renders one export file off the page's main thread (pdf-lib + fontkit need no DOM and no
 * eval), so the export page keeps painting its progress while 500 labels are laid out. It is
 * started before the buyer data arrives and warms up meanwhile (fonts); the page hands over the
 * order numbers' barcodes. PDFs only: CSV and ZPL need no fonts and are made on the page.
 */
const scope = self as unknown as DedicatedWorkerGlobalScope;

let fonts: Promise<FontProvider> | null = null;
let warmed: Promise<unknown> = Promise.resolve();
const fontsFrom = (fontsUrl: string) => (fonts ??= loadFontsFromUrl(fontsUrl));

scope.onmessage = async (event: MessageEvent<RenderWorkerMessage>) => {
  const message = event.data;
  if (message.kind === 'warm') {
    // Best effort: a failure here shows up again, with its message, in the render.
    warmed = fontsFrom(message.fontsUrl)
      .then((provider) => warmLabelRenderer(provider, message.orderSns))
      .catch(() => (fonts = null));
    return;
  }
  if (message.kind === 'barcodes') {
    for (const [text, symbol] of message.symbols) rememberCode128(text, symbol);
    return;
  }
  const { format, labels, options, fontsUrl } = message.request;
  try {
    await warmed;
    // CSV and ZPL are made on the page (render-on-page.ts); this worker only makes PDFs.
    if (isTextExportFormat(format)) throw new Error(`${format} is made on the page, not in the render worker`);
    const file = await renderPdfExportFile(format, labels, { ...options, fonts: await fontsFrom(fontsUrl) });
    const reply: RenderReply = { ok: true, file };
    scope.postMessage(reply, [file.bytes.buffer as ArrayBuffer]);
  } catch (err) {
    const reply: RenderReply = { ok: false, message: err instanceof Error ? err.message : String(err) };
    scope.postMessage(reply);
  }
};
