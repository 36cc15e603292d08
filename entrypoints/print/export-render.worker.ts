/// <reference lib="webworker" />
import { loadFontsFromUrl, renderExportFile } from '../../utils/export/index';
import type { RenderReply, RenderRequest } from '../../components/export-pipeline/export-render-protocol';

/**
 * Renders one export file off the page's main thread (pdf-lib + fontkit need no DOM and no
 * eval), so the export page keeps painting its progress while 500 labels are laid out.
 */
const scope = self as unknown as DedicatedWorkerGlobalScope;

scope.onmessage = async (event: MessageEvent<RenderRequest>) => {
  const { format, labels, options, fontsUrl } = event.data;
  try {
    const needsFonts = format.startsWith('pdf-') || format === 'packing-slip';
    const fonts = needsFonts ? await loadFontsFromUrl(fontsUrl) : undefined;
    const file = await renderExportFile(format, labels, { ...options, fonts });
    const reply: RenderReply = { ok: true, file };
    scope.postMessage(reply, [file.bytes.buffer as ArrayBuffer]);
  } catch (err) {
    const reply: RenderReply = { ok: false, message: err instanceof Error ? err.message : String(err) };
    scope.postMessage(reply);
  }
};
