import { bench, describe } from 'vitest';
import { label, SCRIPT_SAMPLES } from '../tests/support/label-test-data';
import { loadFontsFromDisk } from '../tests/support/node-font-provider';
import { renderCsv } from '../utils/export/csv-presets';
import { renderLabelsPdf } from '../utils/export/label-pdf';
import type { ShipmentLabel } from '../utils/export/shipment-label';
import { renderLabelsZpl } from '../utils/export/zpl';

/** A realistic mix: mostly Latin addresses, every sixth in another script, 1–3 items each. */
function makeLabels(count: number): ShipmentLabel[] {
  return Array.from({ length: count }, (_, i) => {
    const sample = SCRIPT_SAMPLES[i % SCRIPT_SAMPLES.length]!;
    const items = Array.from({ length: 1 + (i % 3) }, (_, j) => ({ sku: `SKU-${i}-${j}`, title: `Item ${j}`, spec: j ? 'Blue' : null, quantity: 1 + j }));
    return label(
      { orderSn: `PO-211-${String(10_000_000_000_000 + i)}`, items },
      { name: `${sample.name} ${i}`, addressLine1: `${i} ${sample.street}`, city: sample.city, country: sample.country, countryCode: null },
    );
  });
}

const fonts = await loadFontsFromDisk();
const labels500 = makeLabels(500);
const rows10k = makeLabels(10_000);
// Load every font slice once, as the extension's provider cache would after the first export.
await renderLabelsPdf(labels500.slice(0, 12), { layout: '4x6', fonts });

describe('export', () => {
  bench(
    '500 labels → 4x6 PDF (goal < 2 s)',
    async () => {
      await renderLabelsPdf(labels500, { layout: '4x6', fonts });
    },
    { iterations: 5, warmupIterations: 1 },
  );

  bench(
    '500 labels → A4 4-up PDF',
    async () => {
      await renderLabelsPdf(labels500, { layout: 'a4', fonts });
    },
    { iterations: 5, warmupIterations: 1 },
  );

  bench(
    '10,000 rows → Ship&co CSV (goal < 0.3 s)',
    () => {
      renderCsv(rows10k, { preset: 'shipandco' });
    },
    { iterations: 10 },
  );

  bench(
    '10,000 rows → generic CSV (all fields)',
    () => {
      renderCsv(rows10k, { preset: 'generic' });
    },
    { iterations: 10 },
  );

  bench(
    '500 labels → ZPL',
    () => {
      renderLabelsZpl(labels500);
    },
    { iterations: 10 },
  );
});
