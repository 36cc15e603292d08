import { PDFDocument } from 'pdf-lib';
import { label, SCRIPT_SAMPLES } from '../utils/export/__fixtures__/labels';
import { loadFontsFromDisk } from '../utils/export/__fixtures__/node-font-provider';
import { labelTexts } from '../utils/export/label-pdf';
import { layoutLabel } from '../utils/export/label-layout';
import { drawOps } from '../utils/export/pdf-draw';
import { embedTextFonts } from '../utils/export/pdf-text';
const fonts = await loadFontsFromDisk('/work/main/public/fonts/');
const labels = Array.from({ length: 500 }, (_, i) => { const s = SCRIPT_SAMPLES[i % 6]!; return label({ orderSn: `PO-211-${10_000_000_000_000 + i}` }, { name: `${s.name} ${i}`, addressLine1: `${i} ${s.street}`, city: s.city, country: s.country, countryCode: null }); });
for (let round = 0; round < 3; round++) {
  const t = performance.now();
  const doc = await PDFDocument.create();
  const shaper = await embedTextFonts(doc, fonts, labels.flatMap(labelTexts));
  const t1 = performance.now();
  const all = labels.map((l) => layoutLabel(l, shaper, { x: 0, y: 0, width: 288, height: 432 }));
  const t2 = performance.now();
  for (const ops of all) drawOps(doc.addPage([288, 432]), shaper, ops);
  const t3 = performance.now();
  await doc.save();
  const t4 = performance.now();
  console.log('embed', (t1 - t).toFixed(0), 'layout', (t2 - t1).toFixed(0), 'draw', (t3 - t2).toFixed(0), 'save', (t4 - t3).toFixed(0));
}
