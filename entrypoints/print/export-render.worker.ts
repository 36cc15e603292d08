/// <reference lib="webworker" />
import { loadFontsFromUrl, renderExportFile, warmLabelRenderer, type FontProvider } from '../../utils/export/index';
import type { RenderReply, RenderWorkerMessage } from '../../components/export-pipeline/export-render-protocol';

/**
 * Renders one export file off the page's main thread (pdf-lib + fontkit need no DOM and no
 * eval), so the export page keeps painting its progress while 500 labels are laid out. It is
 * started before the buyer data arrives and warms up meanwhile (fonts, barcodes).
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
  const { format, labels, options, fontsUrl } = message.request;
  try {
    await warmed;
    const needsFonts = format.startsWith('pdf-') || format === 'packing-slip';
    const file = await renderExportFile(format, labels, { ...options, fonts: needsFonts ? await fontsFrom(fontsUrl) : undefined });
    const reply: RenderReply = { ok: true, file };
    scope.postMessage(reply, [file.bytes.buffer as ArrayBuffer]);
  } catch (err) {
    const reply: RenderReply = { ok: false, message: err instanceof Error ? err.message : String(err) };
    scope.postMessage(reply);
  }
};
