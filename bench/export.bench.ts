import { describe } from 'vitest';
import { label, SCRIPT_SAMPLES } from '../tests/support/label-test-data';
import { loadFontsFromDisk } from '../tests/support/node-font-provider';
import { renderCsv } from '../utils/export/csv-presets';
import { createExportDocument, renderLabelsPdf } from '../utils/export/label-pdf';
import { PAGE_SIZES_PT } from '../utils/export/sheet-layout';
import type { ShipmentLabel } from '../utils/export/shipment-label';
import { renderLabelsZpl } from '../utils/export/zpl';
import { figureBench } from './figure-bench';

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

// Baselines: pdf-lib's own floor (empty pages, saved) for the PDFs, and a plain serialization of
// the same data (JSON.stringify) for the text formats.
describe('export', () => {
  figureBench(
    { id: 'export.pdf-blank-500' },
    'pdf-lib alone: 500 empty 4x6 pages, saved (baseline)',
    async () => {
      const doc = await createExportDocument('Shipping labels');
      for (let i = 0; i < 500; i++) doc.addPage([...PAGE_SIZES_PT['4x6']]);
      await doc.save();
    },
    { iterations: 5, warmupIterations: 1 },
  );

  figureBench(
    { id: 'export.pdf-4x6-500', baselineId: 'export.pdf-blank-500', target: { maxMs: 2000 } },
    '500 labels → 4x6 PDF (goal < 2 s)',
    async () => {
      await renderLabelsPdf(labels500, { layout: '4x6', fonts });
    },
    { iterations: 5, warmupIterations: 1 },
  );

  figureBench(
    { id: 'export.pdf-a4-500', baselineId: 'export.pdf-4x6-500' },
    '500 labels → A4 4-up PDF',
    async () => {
      await renderLabelsPdf(labels500, { layout: 'a4', fonts });
    },
    { iterations: 5, warmupIterations: 1 },
  );

  figureBench(
    { id: 'export.json-10k' },
    '10,000 rows → JSON.stringify (baseline)',
    () => {
      JSON.stringify(rows10k);
    },
    { iterations: 10 },
  );

  figureBench(
    { id: 'export.csv-shipandco-10k', baselineId: 'export.json-10k', target: { maxMs: 300 } },
    '10,000 rows → Ship&co CSV (goal < 0.3 s)',
    () => {
      renderCsv(rows10k, { preset: 'shipandco' });
    },
    { iterations: 10 },
  );

  figureBench(
    { id: 'export.csv-generic-10k', baselineId: 'export.json-10k' },
    '10,000 rows → generic CSV (all fields)',
    () => {
      renderCsv(rows10k, { preset: 'generic' });
    },
    { iterations: 10 },
  );

  figureBench(
    { id: 'export.json-500' },
    '500 labels → JSON.stringify (baseline)',
    () => {
      JSON.stringify(labels500);
    },
    { iterations: 10 },
  );

  figureBench(
    { id: 'export.zpl-500', baselineId: 'export.json-500' },
    '500 labels → ZPL',
    () => {
      renderLabelsZpl(labels500);
    },
    { iterations: 10 },
  );
});
