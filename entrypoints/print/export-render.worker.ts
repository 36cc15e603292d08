/// <reference lib="webworker" />
import { createRenderHost } from '../../components/export-pipeline/render-host';
import { knownCode128, rememberCode128 } from '../../utils/export/barcode-symbols';
import { loadFontsFromUrl } from '../../utils/export/fonts';
import { renderPdfExportFile } from '../../utils/export/render-pdf-file';
import { sampleLabels, warmLabelRenderer } from '../../utils/export/render-warmup';

/**
 * The PDF render worker, a module SharedWorker (issue 11): one warm instance serves every
 * extension page that connects, so the popup warms it while the seller decides and the export
 * tab renders with it (render-host.ts; pages connect through render-in-worker.ts). pdf-lib and
 * fontkit need no DOM and no eval, and the page keeps painting its progress meanwhile. PDFs
 * only: CSV and ZPL need no fonts and are made on the page.
 */
const scope = self as unknown as SharedWorkerGlobalScope;

/** Sample labels in the popup's throw-away render (measured: docs/decisions.md, "Warm PDF renderer"). */
const REHEARSAL_LABELS = 150;

const host = createRenderHost({
  loadFonts: (fontsUrl) => loadFontsFromUrl(fontsUrl),
  warm: warmLabelRenderer,
  rememberBarcodes: (symbols) => {
    for (const [text, symbol] of symbols) rememberCode128(text, symbol);
  },
  knowsBarcode: (orderSn) => knownCode128(orderSn) !== undefined,
  render: renderPdfExportFile,
  sampleLabels: (orderSns) => sampleLabels(orderSns, REHEARSAL_LABELS, Date.now()),
  now: () => Date.now(),
});

scope.onconnect = (event) => {
  const port = event.ports[0];
  if (port) host.connect(port as unknown as Parameters<typeof host.connect>[0]);
};
