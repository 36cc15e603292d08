import { CODE128_QUIET_ZONE_MODULES, assertCode128Text, code128Bars } from './barcode';
import { itemSummaryLines, LABEL_HEADINGS, shipByText, shipFromLines, shipToAddressLines, shipToPhoneLine } from './label-text';
import type { ShipmentLabel } from './shipment-label';

export interface RenderZplOptions {
  utcOffsetMinutes?: number;
  /**
   * A Unicode TrueType font stored on the printer, e.g. 'E:TT0003M_.TTF' (Zebra's Swiss 721
   * Unicode) or 'E:ANMDJ.TTF' (Andale, CJK). Zebra's built-in font 0 has no CJK, Greek or
   * Cyrillic glyphs, so those names print only with such a font. Default: font 0.
   */
  printerFont?: string;
}

/** 4x6 in at 203 dpi (the usual desktop direct-thermal printer): 812 x 1218 dots. */
const WIDTH_DOTS = 812;
const HEIGHT_DOTS = 1218;
const MARGIN = 30;
const BODY_WIDTH = WIDTH_DOTS - 2 * MARGIN;

/**
 * ZPL II for Zebra printers, one ^XA…^XZ block per label. ^CI28 makes field data UTF-8; every
 * field goes through ^FH so '^', '~' and '_' in captured text are data, never commands.
 */
export function renderLabelsZpl(labels: ShipmentLabel[], options: RenderZplOptions = {}): string {
  if (labels.length === 0) throw new Error('No orders selected for labels.');
  return labels.map((label) => labelZpl(label, options)).join('\n');
}

function labelZpl(label: ShipmentLabel, options: RenderZplOptions): string {
  assertCode128Text(label.orderSn);
  const font = (height: number) => (options.printerFont ? `^A@N,${height},${height},${options.printerFont}` : `^A0N,${height},${height}`);
  const block = (y: number, height: number, maxLines: number, lines: string[], align: 'L' | 'C' = 'L') =>
    `^FO${MARGIN},${y}${font(height)}^FB${BODY_WIDTH},${maxLines},4,${align}^FH_^FD${blockFieldData(fitLines(lines, height, maxLines))}^FS`;
  const rule = (y: number) => `^FO${MARGIN},${y}^GB${BODY_WIDTH},3,3^FS`;
  const phone = shipToPhoneLine(label.shipTo);

  // Module width in dots so the symbol plus quiet zones fits the label (2–4 dots, as in the PDF).
  const modules = code128Bars(label.orderSn).modules;
  const moduleDots = Math.max(2, Math.min(4, Math.floor(BODY_WIDTH / (modules + 2 * CODE128_QUIET_ZONE_MODULES))));
  const barcodeX = Math.max(MARGIN, Math.round((WIDTH_DOTS - modules * moduleDots) / 2));

  return [
    '^XA',
    '^CI28',
    `^PW${WIDTH_DOTS}`,
    `^LL${HEIGHT_DOTS}`,
    '^LH0,0',
    block(30, 20, 1, [LABEL_HEADINGS.from]),
    block(55, 20, 5, shipFromLines(label.shipFrom)),
    rule(185),
    block(200, 22, 1, [LABEL_HEADINGS.shipTo]),
    block(230, 44, 2, [label.shipTo.name]),
    block(335, 34, 7, [...shipToAddressLines(label.shipTo), ...(phone ? [phone] : [])]),
    rule(615),
    // ^BC: normal orientation, 180 dots high, no printer-drawn text (we print it below), mode A
    // (the printer picks Code 128 subsets itself).
    `^FO${barcodeX},640^BY${moduleDots},3,180^BCN,180,N,N,N,A^FH_^FD${escapeFieldData(label.orderSn)}^FS`,
    block(832, 36, 1, [label.orderSn], 'C'),
    rule(880),
    block(895, 22, 1, [LABEL_HEADINGS.items]),
    block(925, 26, 5, itemSummaryLines(label.items)),
    rule(1095),
    block(1115, 40, 1, [`${LABEL_HEADINGS.shipBy} ${shipByText(label.shipBy, options.utcOffsetMinutes)}`]),
    '^XZ',
  ].join('\n');
}

/**
 * Printer fonts cannot be measured here, so lines are cut to a conservative character budget
 * (font 0 averages ~0.55 × height per character) and end in "..." when cut; ^FB would
 * otherwise overprint the last line with the overflow.
 */
function fitLines(lines: string[], height: number, maxLines: number): string[] {
  const perLine = Math.floor(BODY_WIDTH / (0.55 * height));
  const flat = lines.map((line) => line.replace(/\s+/g, ' ').trim()).filter(Boolean);
  const budget = perLine * maxLines;
  const out: string[] = [];
  let used = 0;
  for (const line of flat) {
    const chars = Array.from(line);
    // A line that wraps takes whole printer lines.
    const cost = Math.max(1, Math.ceil(chars.length / perLine)) * perLine;
    if (used + cost <= budget) {
      out.push(line);
      used += cost;
      continue;
    }
    const room = budget - used;
    if (room > 3)
      out.push(
        `${chars
          .slice(0, room - 3)
          .join('')
          .trimEnd()}...`,
      );
    else if (out.length > 0)
      out[out.length - 1] = `${Array.from(out.at(-1)!)
        .slice(0, Math.max(0, perLine - 3))
        .join('')
        .trimEnd()}...`;
    break;
  }
  return out;
}

/** Field data for ^FH_: '_' starts a hex escape, so it is escaped first, then ZPL's two command prefixes. */
export function escapeFieldData(value: string): string {
  return value
    .replace(/[\r\n]+/g, ' ')
    .replace(/_/g, '_5F')
    .replace(/\^/g, '_5E')
    .replace(/~/g, '_7E');
}

/** Lines for a ^FB block: "\&" is ^FB's line break, and "\\" its literal backslash. */
export function blockFieldData(lines: string[]): string {
  return lines.map((line) => escapeFieldData(line).replace(/\\/g, '\\\\')).join('\\&');
}
