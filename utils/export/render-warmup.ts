import type { FontProvider } from './fonts';
import type { ShipmentLabel } from './shipment-label';
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

/** Placeholder people: nobody's data. Latin with accents, Cyrillic and a few CJK characters, as a mixed day brings. */
const SAMPLE_PEOPLE = [
  { name: 'Sample Name', street: '1 Sample Street', city: 'Sampletown', country: 'United States', countryCode: 'US' },
  { name: 'Échantillon Prénom', street: '2 Rue de l’Exemple', city: 'Modèle-sur-Mer', country: 'France', countryCode: 'FR' },
  { name: 'Образец Имя', street: 'ул. Примерная 3', city: 'Образцово', country: 'Россия', countryCode: 'RU' },
  { name: '样本 姓名', street: '示例路4号', city: '样本市', country: '中国', countryCode: 'CN' },
] as const;

/**
 * `count` sample labels for a throw-away render (the popup's warm-up, issue 11): placeholder
 * text only, 1–3 items each, drawn with the given order numbers (not PII; their barcodes are
 * handed to the worker with them) so no barcode encoder is needed. Nothing here is a buyer's.
 */
export function sampleLabels(orderSns: readonly string[], count: number, now: number): ShipmentLabel[] {
  if (orderSns.length === 0) return [];
  return Array.from({ length: count }, (_, i) => {
    const person = SAMPLE_PEOPLE[i % SAMPLE_PEOPLE.length]!;
    return {
      orderSn: orderSns[i % orderSns.length]!,
      shopId: 'sample',
      shipBy: now,
      createdAt: now,
      shipFrom: {
        name: 'Sample Sender',
        company: 'Sample Shop',
        addressLine1: '5 Sample Road',
        addressLine2: '',
        city: 'Sampleville',
        state: 'CA',
        postcode: '90000',
        country: 'United States',
        phone: '+1 555 0100',
      },
      shipTo: {
        name: person.name,
        phone: '+1 555 0101',
        backupPhone: null,
        email: null,
        addressLine1: person.street,
        addressLine2: i % 2 ? 'Apt 6' : null,
        addressLine3: null,
        city: person.city,
        state: 'Sample State',
        district: null,
        postcode: '12345',
        country: person.country,
        countryCode: person.countryCode,
        taxCode: null,
      },
      items: Array.from({ length: 1 + (i % 3) }, (_, j) => ({ sku: `SAMPLE-${j}`, title: `Sample item ${j} 样品`, spec: j ? 'Blue' : null, quantity: 1 + j })),
      tracking: [],
    };
  });
}
