import type { PDFDocument } from 'pdf-lib';
import { ensureCode128Symbols } from './barcode-symbols';
import type { FontProvider } from './fonts';
import { layoutCode128, placeLines, type Box, type DrawOp } from './label-layout';
import { createExportDocument, type LabelPdfLayout, saveExportDocument } from './label-pdf';
import { shipByText, shipToAddressLines, totalQuantity } from './label-text';
import { createPageWriter, type PageWriter } from './pdf-draw';
import { embedTextFonts, type TextShaper } from './pdf-text';
import { PAGE_SIZES_PT } from './sheet-layout';
import type { ShipmentLabel } from './shipment-label';
import { fitParagraphs, fitSingleLine } from './text-fit';

export interface RenderPackingSlipsOptions {
  /** Page size; default 4x6 (same roll as the labels). */
  pageSize?: LabelPdfLayout;
  fonts: FontProvider;
  utcOffsetMinutes?: number;
  createdAt?: number;
}

/** Words on the slip; the slip goes in the parcel, so like the label it is in English. */
const SLIP = { title: 'PACKING SLIP', order: 'Order', shipBy: 'Ship by', shipTo: 'Ship to', qty: 'Qty', item: 'Item', continued: 'continued', totalItems: 'Total items' } as const;

/** Texts the slip draws: the buyer's name and postal address only (policy: no phone, no email in the parcel). */
export function packingSlipTexts(label: ShipmentLabel): string[] {
  return [label.orderSn, label.shipTo.name, ...shipToAddressLines(label.shipTo), ...label.items.flatMap(itemTexts)];
}

function itemTexts(item: ShipmentLabel['items'][number]): string[] {
  return [item.title, [item.sku, item.spec].filter(Boolean).join(' · '), String(item.quantity)];
}

/**
 * Packing slips, one order per page (more pages when its items do not fit): order number with
 * barcode, ship-to name and address, and the item list. Deliberately no phone or e-mail.
 */
export async function renderPackingSlipsPdf(labels: ShipmentLabel[], options: RenderPackingSlipsOptions): Promise<Uint8Array> {
  if (labels.length === 0) throw new Error('No orders selected for packing slips.');
  await ensureCode128Symbols(labels.map((l) => l.orderSn));
  const doc = await createExportDocument('Packing slips', options.createdAt);
  const shaper = await embedTextFonts(doc, options.fonts, [...Object.values(SLIP), ...labels.flatMap(packingSlipTexts)]);
  const [width, height] = PAGE_SIZES_PT[options.pageSize ?? '4x6'];
  const writer = createPageWriter(doc, shaper);
  for (const label of labels) layoutPackingSlip(doc, writer, shaper, label, width, height, options.utcOffsetMinutes);
  writer.finish();
  return saveExportDocument(doc);
}

function layoutPackingSlip(doc: PDFDocument, writer: PageWriter, shaper: TextShaper, label: ShipmentLabel, width: number, height: number, utcOffsetMinutes?: number): void {
  const scale = Math.min(width / 288, height / 432);
  const margin = 14 * scale;
  const inner: Box = { x: margin, y: margin, width: width - 2 * margin, height: height - 2 * margin };
  const bodySize = 8.5 * scale;
  const lineHeight = (shaper.ascent + shaper.descent) * bodySize;
  const qtyWidth = shaper.width('0000', bodySize);
  const itemWidth = inner.width - qtyWidth - 6 * scale;

  let page = doc.addPage([width, height]);
  let ops: DrawOp[] = [];
  let top = inner.y + inner.height;
  const take = (h: number): Box => {
    const box = { x: inner.x, y: top - h, width: inner.width, height: h };
    top -= h;
    return box;
  };

  // Header: title, order number + its barcode, ship-by.
  placeLines(ops, shaper, [SLIP.title], 11 * scale, take(14 * scale));
  const orderLine = fitSingleLine(shaper, `${SLIP.order} ${label.orderSn}`, inner.width, { maxSize: 10 * scale, minSize: 6 * scale });
  placeLines(ops, shaper, [orderLine.text], orderLine.size, take((shaper.ascent + shaper.descent) * orderLine.size));
  ops.push(...layoutCode128(label.orderSn, take(28 * scale)));
  top -= 4 * scale;
  placeLines(ops, shaper, [`${SLIP.shipBy} ${shipByText(label.shipBy, utcOffsetMinutes)}`], bodySize, take(lineHeight));
  top -= 6 * scale;

  // Ship-to: name and postal address (at most ~30% of the page).
  placeLines(ops, shaper, [SLIP.shipTo], 6.5 * scale, take((shaper.ascent + shaper.descent) * 6.5 * scale));
  const addressBox = take(inner.height * 0.3);
  const address = fitParagraphs(shaper, [label.shipTo.name, ...shipToAddressLines(label.shipTo)], addressBox, { maxSize: 10 * scale, minSize: 6 * scale });
  placeLines(ops, shaper, address.lines, address.size, addressBox);
  // Give back the part of the address box the address did not use.
  top += addressBox.height - address.lines.length * address.lineHeight;
  top -= 6 * scale;

  // Items table; a new page (same header line) when the rows run out of room.
  const header = () => {
    const row = take(lineHeight);
    placeLines(ops, shaper, [SLIP.item], bodySize, { ...row, width: itemWidth });
    placeLines(ops, shaper, [SLIP.qty], bodySize, { ...row, x: inner.x + inner.width - qtyWidth, width: qtyWidth });
    ops.push({ kind: 'line', x1: inner.x, y1: row.y - 1.5 * scale, x2: inner.x + inner.width, y2: row.y - 1.5 * scale, thickness: 0.6 * scale });
    top -= 3 * scale;
  };
  header();
  for (const item of label.items) {
    const rowText = [item.title, [item.sku, item.spec].filter(Boolean).join(' · ')].filter((t) => t.length > 0);
    // Each row keeps at most 3 lines (title may wrap, SKU/spec line last); ellipsis beyond.
    const fitted = fitParagraphs(shaper, rowText, { width: itemWidth, height: 3 * lineHeight }, { maxSize: bodySize, minSize: bodySize });
    const rowHeight = Math.max(1, fitted.lines.length) * lineHeight + 2 * scale;
    if (top - rowHeight < inner.y + lineHeight) {
      writer.draw(page, ops);
      page = doc.addPage([width, height]);
      ops = [];
      top = inner.y + inner.height;
      const cont = fitSingleLine(shaper, `${SLIP.order} ${label.orderSn} (${SLIP.continued})`, inner.width, { maxSize: 9 * scale, minSize: 6 * scale });
      placeLines(ops, shaper, [cont.text], cont.size, take((shaper.ascent + shaper.descent) * cont.size + 4 * scale));
      header();
    }
    const row = take(rowHeight);
    placeLines(ops, shaper, fitted.lines, bodySize, { ...row, width: itemWidth });
    const qty = String(item.quantity);
    const qtyText = shaper.width(qty, bodySize) <= qtyWidth ? qty : fitSingleLine(shaper, qty, qtyWidth, { maxSize: bodySize, minSize: bodySize }).text;
    placeLines(ops, shaper, [qtyText], bodySize, { ...row, x: inner.x + inner.width - qtyWidth, width: qtyWidth });
  }
  if (top - lineHeight >= inner.y) {
    top -= 2 * scale;
    placeLines(ops, shaper, [`${SLIP.totalItems}: ${totalQuantity(label.items)}`], bodySize, take(lineHeight));
  }
  writer.draw(page, ops);
}
