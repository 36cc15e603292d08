import type { FontProvider } from './fonts';
import { placeLines, type Box, type DrawOp } from './label-layout';
import { createExportDocument, saveExportDocument } from './label-pdf';
import { formatDate } from './label-text';
import { createPageWriter } from './pdf-draw';
import { embedTextFonts } from './pdf-text';
import { buildPickList, type PickList } from './pick-list';
import { PAGE_SIZES_PT } from './sheet-layout';
import type { ShipmentLabel } from './shipment-label';
import { fitParagraphs, fitSingleLine } from './text-fit';

export interface RenderPickListOptions {
  /** A4 or Letter; default A4. */
  paper?: 'a4' | 'letter';
  fonts: FontProvider;
  utcOffsetMinutes?: number;
  createdAt?: number;
}

/** Words on the pick list: it is read in the warehouse, in English like the labels. */
export const PICK_LIST_WORDS = {
  title: 'PICK LIST',
  sku: 'SKU',
  item: 'Item',
  qty: 'Qty',
  orders: 'Orders',
  total: 'Total',
  ordersInRun: 'orders',
  units: 'units',
  continued: 'continued',
} as const;

/** The cells of one row as drawn (also what a text extraction finds). */
export function pickListRowTexts(row: PickList['rows'][number]): [string, string, string, string] {
  return [row.sku ?? '—', [row.title, row.spec].filter(Boolean).join(' · '), String(row.quantity), String(row.orders)];
}

/**
 * The run's pick list as a PDF (issue 14): SKU, item, total quantity and order count per line,
 * sorted by SKU, with the run's totals. Built from the labels' items only; no names, no
 * addresses, no order numbers.
 */
export async function renderPickListPdf(labels: ShipmentLabel[], options: RenderPickListOptions): Promise<Uint8Array> {
  if (labels.length === 0) throw new Error('No orders selected for the pick list.');
  const list = buildPickList(labels);
  const doc = await createExportDocument('Pick list', options.createdAt);
  const rowTexts = list.rows.map(pickListRowTexts);
  const shaper = await embedTextFonts(doc, options.fonts, [...Object.values(PICK_LIST_WORDS), '0123456789 —·:-', ...rowTexts.flat()]);
  const [width, height] = PAGE_SIZES_PT[options.paper ?? 'a4'];
  const writer = createPageWriter(doc, shaper);
  const margin = 36;
  const size = 10;
  const lineHeight = (shaper.ascent + shaper.descent) * size;
  const columns = { sku: 130, qty: 50, orders: 50 };
  const gap = 8;
  const itemWidth = width - 2 * margin - columns.sku - columns.qty - columns.orders - 3 * gap;
  const x = { sku: margin, item: margin + columns.sku + gap, qty: width - margin - columns.orders - gap - columns.qty, orders: width - margin - columns.orders };

  let page = doc.addPage([width, height]);
  let ops: DrawOp[] = [];
  let top = height - margin;
  const line = (y: number) => ops.push({ kind: 'line', x1: margin, y1: y, x2: width - margin, y2: y, thickness: 0.6 });
  const cell = (text: string, left: number, cellWidth: number, rowTop: number, rowHeight: number, lines?: string[]) => {
    const box: Box = { x: left, y: rowTop - rowHeight, width: cellWidth, height: rowHeight };
    placeLines(ops, shaper, lines ?? [fitSingleLine(shaper, text, cellWidth, { maxSize: size, minSize: 6 }).text], size, box);
  };
  const header = (continued: boolean) => {
    const when = options.createdAt === undefined ? '' : ` ${formatDate(options.createdAt, options.utcOffsetMinutes ?? 0)}`;
    const title = `${PICK_LIST_WORDS.title}${when}${continued ? ` (${PICK_LIST_WORDS.continued})` : ''} — ${list.orderCount} ${PICK_LIST_WORDS.ordersInRun}, ${list.totalQuantity} ${PICK_LIST_WORDS.units}`;
    placeLines(ops, shaper, [fitSingleLine(shaper, title, width - 2 * margin, { maxSize: 14, minSize: 8 }).text], 14, {
      x: margin,
      y: top - 20,
      width: width - 2 * margin,
      height: 20,
    });
    top -= 28;
    cell(PICK_LIST_WORDS.sku, x.sku, columns.sku, top, lineHeight);
    cell(PICK_LIST_WORDS.item, x.item, itemWidth, top, lineHeight);
    cell(PICK_LIST_WORDS.qty, x.qty, columns.qty, top, lineHeight);
    cell(PICK_LIST_WORDS.orders, x.orders, columns.orders, top, lineHeight);
    top -= lineHeight + 2;
    line(top);
    top -= 4;
  };
  header(false);
  for (const texts of rowTexts) {
    // An item title may take two lines; SKU and numbers stay on one.
    const item = fitParagraphs(shaper, [texts[1]], { width: itemWidth, height: 2 * lineHeight }, { maxSize: size, minSize: size });
    const rowHeight = Math.max(1, item.lines.length) * lineHeight + 4;
    if (top - rowHeight < margin + 2 * lineHeight) {
      writer.draw(page, ops);
      page = doc.addPage([width, height]);
      ops = [];
      top = height - margin;
      header(true);
    }
    cell(texts[0], x.sku, columns.sku, top, rowHeight);
    cell(texts[1], x.item, itemWidth, top, rowHeight, item.lines);
    cell(texts[2], x.qty, columns.qty, top, rowHeight);
    cell(texts[3], x.orders, columns.orders, top, rowHeight);
    top -= rowHeight;
  }
  line(top);
  top -= 4;
  cell(PICK_LIST_WORDS.total, x.item, itemWidth, top, lineHeight);
  cell(String(list.totalQuantity), x.qty, columns.qty, top, lineHeight);
  cell(String(list.orderCount), x.orders, columns.orders, top, lineHeight);
  writer.draw(page, ops);
  writer.finish();
  return saveExportDocument(doc);
}
