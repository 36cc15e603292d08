import { CODE128_QUIET_ZONE_MODULES, code128Symbol } from './barcode-symbols';
import { itemSummaryLines, LABEL_HEADINGS, shipByText, shipFromLines, shipToAddressLines, shipToPhoneLine } from './label-text';
import type { TextShaper } from './pdf-text';
import type { ShipmentLabel } from './shipment-label';
import { fitParagraphs, fitSingleLine, type FitOptions } from './text-fit';

/** A rectangle in PDF points; (x, y) is the bottom-left corner. */
export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** What to draw, in page coordinates. Pure data so tests can check every piece fits its box. */
export type DrawOp =
  | { kind: 'text'; x: number; baseline: number; size: number; text: string; width: number; box: Box }
  | { kind: 'bar'; x: number; y: number; width: number; height: number }
  | { kind: 'line'; x1: number; y1: number; x2: number; y2: number; thickness: number; dash?: number[] };

export interface LabelLayoutOptions {
  /** Seller's zone for the ship-by date (minutes east of UTC); default UTC. */
  utcOffsetMinutes?: number;
}

/** The 4x6 in label the sizes below were tuned for; other boxes scale from it. */
export const LABEL_4X6_PT = { width: 288, height: 432 } as const;

/** Direct thermal printers are 203 dpi; bars of whole dots print without uneven widths. */
const PRINTER_DOT_PT = 72 / 203;
/** 2 dots = 0.25 mm, above the ~0.19 mm smallest module most carrier scanners read. */
const MIN_MODULE_DOTS = 2;
/** 4 dots = 0.5 mm keeps short order numbers from producing needlessly wide symbols. */
const MAX_MODULE_DOTS = 4;

/**
 * Lays out one shipping label in `box`: ship-from, ship-to, Code 128 of the order number with
 * its text, item summary, ship-by date. Long text wraps, shrinks to a minimum size, then ends
 * with an ellipsis, so nothing is drawn outside `box`. The order number's barcode must be known
 * (`ensureCode128Symbols`, barcode-symbols.ts).
 */
export function layoutLabel(label: ShipmentLabel, shaper: TextShaper, box: Box, options: LabelLayoutOptions = {}): DrawOp[] {
  const scale = Math.min(box.width / LABEL_4X6_PT.width, box.height / LABEL_4X6_PT.height);
  const margin = 10 * scale;
  const inner: Box = { x: box.x + margin, y: box.y + margin, width: box.width - 2 * margin, height: box.height - 2 * margin };
  const ops: DrawOp[] = [];
  const sections = splitVertically(inner, [0.15, 0.37, 0.2, 0.2, 0.08], 6 * scale);
  const [fromBox, toBox, barcodeBox, itemsBox, shipByBox] = sections as [Box, Box, Box, Box, Box];
  for (const between of sections.slice(1)) {
    const y = between.y + between.height + 3 * scale;
    ops.push({ kind: 'line', x1: inner.x, y1: y, x2: inner.x + inner.width, y2: y, thickness: 0.8 * scale });
  }

  const headingSize = 6.5 * scale;
  const headed = (section: Box, heading: string): Box => {
    const used = placeLines(ops, shaper, [heading], headingSize, section);
    return { ...section, height: section.height - used };
  };

  // Ship-from: the seller's return address, small.
  const fromBody = headed(fromBox, LABEL_HEADINGS.from);
  placeFitted(ops, shaper, shipFromLines(label.shipFrom), fromBody, { maxSize: 8 * scale, minSize: 4.5 * scale });

  // Ship-to: name large (at most 2 lines), then address lines and phone.
  const toBody = headed(toBox, LABEL_HEADINGS.shipTo);
  const nameBox: Box = { ...toBody, y: toBody.y + toBody.height * 0.7, height: toBody.height * 0.3 };
  const addressBox: Box = { ...toBody, height: toBody.height * 0.7 };
  placeFitted(ops, shaper, [label.shipTo.name], nameBox, { maxSize: 16 * scale, minSize: 7 * scale, maxLinesPerParagraph: 2 });
  const phone = shipToPhoneLine(label.shipTo);
  placeFitted(ops, shaper, [...shipToAddressLines(label.shipTo), ...(phone ? [phone] : [])], addressBox, {
    maxSize: 12 * scale,
    minSize: 6 * scale,
  });

  // Order number: Code 128 symbol over its human-readable text.
  const textHeight = barcodeBox.height * 0.25;
  const barsBox: Box = { ...barcodeBox, y: barcodeBox.y + textHeight, height: barcodeBox.height - textHeight };
  ops.push(...layoutCode128(label.orderSn, barsBox));
  const orderText = fitSingleLine(shaper, label.orderSn, barcodeBox.width, { maxSize: 13 * scale, minSize: 6 * scale });
  const orderSize = Math.min(orderText.size, textHeight / (shaper.ascent + shaper.descent));
  const orderWidth = shaper.width(orderText.text, orderSize);
  ops.push({
    kind: 'text',
    x: barcodeBox.x + (barcodeBox.width - orderWidth) / 2,
    baseline: barcodeBox.y + shaper.descent * orderSize,
    size: orderSize,
    text: orderText.text,
    width: orderWidth,
    box: { ...barcodeBox, height: textHeight },
  });

  // Items: "SKU × qty" lines; what does not fit ends in an ellipsis.
  const itemsBody = headed(itemsBox, LABEL_HEADINGS.items);
  placeFitted(ops, shaper, itemSummaryLines(label.items), itemsBody, { maxSize: 9 * scale, minSize: 5.5 * scale });

  // Ship-by date.
  const shipBy = fitSingleLine(shaper, `${LABEL_HEADINGS.shipBy} ${shipByText(label.shipBy, options.utcOffsetMinutes)}`, shipByBox.width, {
    maxSize: 12 * scale,
    minSize: 5 * scale,
  });
  const shipBySize = Math.min(shipBy.size, shipByBox.height / (shaper.ascent + shaper.descent));
  placeLines(ops, shaper, [shipBy.text], shipBySize, shipByBox);
  return ops;
}

/** Bars of the order number centred in `box`, module width in whole printer dots when it fits (symbol: `ensureCode128Symbols` first). */
export function layoutCode128(text: string, box: Box): DrawOp[] {
  const symbol = code128Symbol(text);
  const totalModules = symbol.modules + 2 * CODE128_QUIET_ZONE_MODULES;
  const dots = Math.min(MAX_MODULE_DOTS, Math.floor(box.width / (totalModules * PRINTER_DOT_PT)));
  const moduleWidth = dots >= MIN_MODULE_DOTS ? dots * PRINTER_DOT_PT : box.width / totalModules;
  const left = box.x + (box.width - symbol.modules * moduleWidth) / 2;
  return symbol.bars.map((bar) => ({
    kind: 'bar' as const,
    x: left + bar.start * moduleWidth,
    y: box.y,
    width: bar.width * moduleWidth,
    height: box.height,
  }));
}

/** Splits `box` top-down by `fractions` of its height, leaving `gap` between parts. */
export function splitVertically(box: Box, fractions: number[], gap: number): Box[] {
  const total = fractions.reduce((a, b) => a + b, 0);
  const usable = box.height - gap * (fractions.length - 1);
  let top = box.y + box.height;
  return fractions.map((fraction) => {
    const height = (usable * fraction) / total;
    const part = { x: box.x, y: top - height, width: box.width, height };
    top -= height + gap;
    return part;
  });
}

/** Fits paragraphs into `box` and emits their lines from its top. */
export function placeFitted(ops: DrawOp[], shaper: TextShaper, paragraphs: string[], box: Box, options: FitOptions): void {
  const fitted = fitParagraphs(shaper, paragraphs, box, options);
  placeLines(ops, shaper, fitted.lines, fitted.size, box);
}

/** Emits already-fitted lines from the top of `box`; returns the height used. */
export function placeLines(ops: DrawOp[], shaper: TextShaper, lines: string[], size: number, box: Box): number {
  const lineHeight = (shaper.ascent + shaper.descent) * size;
  const top = box.y + box.height;
  lines.forEach((line, index) => {
    const text = shaper.clean(line);
    ops.push({
      kind: 'text',
      x: box.x,
      baseline: top - shaper.ascent * size - index * lineHeight,
      size,
      text,
      width: shaper.width(text, size),
      box,
    });
  });
  return lines.length * lineHeight;
}
