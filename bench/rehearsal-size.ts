/**
 * How many sample labels the popup's throw-away render (the "rehearsal", render-host.ts) is worth
 * (issue 11). Not part of `npm run bench`: each sample needs a fresh process (a JIT warmed by an
 * earlier run would hide the effect). Run: `for n in 0 10 20 40 80; do npx vite-node bench/rehearsal-size.ts -- $n; done`.
 * Prints the rehearsal's own time and the 500-label 4x6 render after it, as the worker sees them:
 * fonts warmed for the order numbers (render-warmup.ts), barcodes handed over.
 */
import { label, SCRIPT_SAMPLES } from '../tests/support/label-test-data';
import { loadFontsFromDisk } from '../tests/support/node-font-provider';
import { encodeCode128Ahead } from '../utils/export/barcode';
import { rememberCode128 } from '../utils/export/barcode-symbols';
import { renderPdfExportFile } from '../utils/export/render-pdf-file';
import { sampleLabels, warmLabelRenderer } from '../utils/export/render-warmup';
import type { ShipmentLabel } from '../utils/export/shipment-label';

const count = Number(process.argv.at(-1));
const labels: ShipmentLabel[] = Array.from({ length: 500 }, (_, i) => {
  const sample = SCRIPT_SAMPLES[i % SCRIPT_SAMPLES.length]!;
  const items = Array.from({ length: 1 + (i % 3) }, (_, j) => ({ sku: `SKU-${i}-${j}`, title: `Item ${j}`, spec: j ? 'Blue' : null, quantity: 1 + j }));
  return label(
    { orderSn: `PO-211-${String(10_000_000_000_000 + i)}`, items },
    { name: `${sample.name} ${i}`, addressLine1: `${i} ${sample.street}`, city: sample.city, country: sample.country, countryCode: null },
  );
});
const orderSns = labels.map((l) => l.orderSn);
for (const [text, symbol] of encodeCode128Ahead(orderSns)) rememberCode128(text, symbol);

const fonts = await loadFontsFromDisk();
let t = performance.now();
await warmLabelRenderer(fonts, orderSns);
const warmMs = performance.now() - t;
t = performance.now();
if (count > 0) await renderPdfExportFile('pdf-4x6', sampleLabels(orderSns.slice(0, 40), count, Date.now()), { now: Date.now(), fonts });
const rehearsalMs = performance.now() - t;
t = performance.now();
await renderPdfExportFile('pdf-4x6', labels, { now: Date.now(), fonts });
const renderMs = performance.now() - t;
t = performance.now();
await renderPdfExportFile('pdf-4x6', labels, { now: Date.now(), fonts });
const secondMs = performance.now() - t;
console.log(
  JSON.stringify({
    sampleLabels: count,
    warmMs: Math.round(warmMs),
    rehearsalMs: Math.round(rehearsalMs),
    render500Ms: Math.round(renderMs),
    secondRender500Ms: Math.round(secondMs),
  }),
);
