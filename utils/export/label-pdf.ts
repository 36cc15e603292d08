import { PDFDocument } from 'pdf-lib';
import { ensureCode128Symbols } from './barcode-symbols';
import type { FontProvider } from './fonts';
import { layoutLabel, type Box } from './label-layout';
import { itemSummaryLines, shipFromLines, shipToAddressLines, shipToPhoneLine } from './label-text';
import { createPageWriter } from './pdf-draw';
import { embedTextFonts } from './pdf-text';
import { cellsToSkip, legacyPdfProfile, type PdfProfile, profilePageSizePt } from './print-profiles';
import { cutGuides, labelBoxInCell, sheetCells, type SheetLayout } from './sheet-layout';
import type { ShipmentLabel } from './shipment-label';

export type LabelPdfLayout = '4x6' | 'a4' | 'letter';

export interface RenderLabelsPdfOptions {
  /** The fixed formats (pdf-4x6, pdf-a4, pdf-letter); `profile` wins when given. */
  layout?: LabelPdfLayout;
  /** Labels per A4/Letter sheet (settings.labelSheetLayout); ignored for 4x6. Default 4-up. */
  sheetLayout?: SheetLayout;
  /** A print profile (issue 14): label stock size or sheet with 2 / 4 labels. */
  profile?: PdfProfile;
  /** First cell to print on a partly used sheet (1-based); ignored on label stock. */
  startPosition?: number;
  fonts: FontProvider;
  /** Seller's zone for ship-by dates, minutes east of UTC. Default 0 (UTC). */
  utcOffsetMinutes?: number;
  /** Fixed creation date for reproducible files; default: none written. */
  createdAt?: number;
}

/** Every text a label draws, so the document embeds exactly the font slices it needs. */
export function labelTexts(label: ShipmentLabel): string[] {
  const phone = shipToPhoneLine(label.shipTo);
  return [label.orderSn, label.shipTo.name, ...shipToAddressLines(label.shipTo), ...(phone ? [phone] : []), ...shipFromLines(label.shipFrom), ...itemSummaryLines(label.items)];
}

/**
 * Shipping labels as a PDF: one label per page on label stock (4x6 in, 4x8 in, A6, 100x150 mm)
 * or A4 / Letter sheets with 4 (2x2) or 2 (stacked) labels per page and dashed cut guides; on a
 * sheet the run may start at a later cell of a partly used first page.
 */
export async function renderLabelsPdf(labels: ShipmentLabel[], options: RenderLabelsPdfOptions): Promise<Uint8Array> {
  if (labels.length === 0) throw new Error('No orders selected for labels.');
  await ensureCode128Symbols(labels.map((l) => l.orderSn));
  const doc = await createExportDocument('Shipping labels', options.createdAt);
  const shaper = await embedTextFonts(doc, options.fonts, labels.flatMap(labelTexts));
  const layoutOptions = { utcOffsetMinutes: options.utcOffsetMinutes };
  const writer = createPageWriter(doc, shaper);
  const profile = options.profile ?? legacyPdfProfile(options.layout === 'a4' ? 'pdf-a4' : options.layout === 'letter' ? 'pdf-letter' : 'pdf-4x6', options.sheetLayout ?? '4up');
  const [width, height] = profilePageSizePt(profile);

  if (profile.kind === 'label') {
    for (const label of labels) {
      const page = doc.addPage([width, height]);
      writer.draw(page, layoutLabel(label, shaper, { x: 0, y: 0, width, height }, layoutOptions));
    }
  } else {
    const cells = sheetCells(profile.paper, profile.layout);
    // Empty cells first on a partly used sheet: slot i of the run goes to cell (skip + i).
    const slots: (ShipmentLabel | null)[] = [...Array.from({ length: cellsToSkip(profile, options.startPosition) }, () => null), ...labels];
    for (let first = 0; first < slots.length; first += cells.length) {
      const page = doc.addPage([width, height]);
      writer.draw(page, cutGuides(profile.paper, profile.layout));
      slots.slice(first, first + cells.length).forEach((label, index) => {
        if (!label) return;
        const box: Box = labelBoxInCell(cells[index]!);
        writer.draw(page, layoutLabel(label, shaper, box, layoutOptions));
      });
    }
  }
  writer.finish();
  return saveExportDocument(doc);
}

/**
 * Serializes without pdf-lib's pauses: by default `save` waits a timer tick every 50 objects
 * (to keep a page responsive), which in a worker costs ≥4 ms per pause (timer clamping) for a
 * 500-page file. Renders run in a worker or a short burst, so nothing needs the pauses.
 */
export function saveExportDocument(doc: PDFDocument): Promise<Uint8Array> {
  return doc.save({ objectsPerTick: Number.POSITIVE_INFINITY });
}

/** A document whose metadata holds no personal data (title is generic, no names). */
export async function createExportDocument(title: string, createdAt?: number): Promise<PDFDocument> {
  const doc = await PDFDocument.create({ updateMetadata: false });
  doc.setTitle(title);
  doc.setProducer('Seller Vault');
  doc.setCreator('Seller Vault');
  if (createdAt !== undefined) {
    doc.setCreationDate(new Date(createdAt));
    doc.setModificationDate(new Date(createdAt));
  }
  return doc;
}
