import { CODE128_QUIET_ZONE_MODULES, assertCode128Text, code128Bars } from './barcode';
import { itemSummaryLines, LABEL_HEADINGS, shipByText, shipFromLines, shipToAddressLines, shipToPhoneLine } from './label-text';
import { type LabelMedia, mediaDots, type ZplDpi } from './print-profiles';
import type { ShipmentLabel } from './shipment-label';

export interface RenderZplOptions {
  utcOffsetMinutes?: number;
  /**
   * A Unicode TrueType font stored on the printer, e.g. 'E:TT0003M_.TTF' (Zebra's Swiss 721
   * Unicode) or 'E:ANMDJ.TTF' (Andale, CJK). Zebra's built-in font 0 has no CJK, Greek or
   * Cyrillic glyphs, so those names print only with such a font. Default: font 0.
   */
  printerFont?: string;
  /** Printer resolution (issue 14: 203 dpi desktop printers, 300 dpi for small text and dense barcodes). Default 203. */
  dpi?: ZplDpi;
  /** Label stock. Default 4x6 in. */
  media?: LabelMedia;
}

/**
 * The layout is drawn for 4x6 in at 203 dpi (the usual desktop direct-thermal printer: 812 x
 * 1218 dots); other media and resolutions scale every position, font height and the barcode by
 * one factor, so a 300 dpi label looks the same, only sharper, and keeps its line budget.
 */
const DESIGN_WIDTH = 812;
const DESIGN_HEIGHT = 1218;
const DESIGN_MARGIN = 30;

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
  const dpi = options.dpi ?? 203;
  const media = mediaDots(options.media ?? '4x6', dpi);
  const scale = Math.min(media.width / DESIGN_WIDTH, media.height / DESIGN_HEIGHT);
  const at = (designDots: number) => Math.round(designDots * scale);
  const margin = at(DESIGN_MARGIN);
  const bodyWidth = media.width - 2 * margin;
  const font = (height: number) => (options.printerFont ? `^A@N,${height},${height},${options.printerFont}` : `^A0N,${height},${height}`);
  const block = (y: number, designHeight: number, maxLines: number, lines: string[], align: 'L' | 'C' = 'L') => {
    const height = at(designHeight);
    return `^FO${margin},${at(y)}${font(height)}^FB${bodyWidth},${maxLines},${at(4)},${align}^FH_^FD${blockFieldData(fitLines(lines, height, maxLines, bodyWidth))}^FS`;
  };
  const rule = (y: number) => `^FO${margin},${at(y)}^GB${bodyWidth},${Math.max(2, at(3))},${Math.max(2, at(3))}^FS`;
  const phone = shipToPhoneLine(label.shipTo);

  // Module width in whole dots so the symbol plus quiet zones fits the label: 2–4 dots at
  // 203 dpi (0.25–0.5 mm, as in the PDF), the same millimetres at 300 dpi (3–6 dots).
  const modules = code128Bars(label.orderSn).modules;
  const minDots = Math.max(2, Math.round((2 * dpi) / 203));
  const maxDots = Math.max(minDots, Math.round((4 * dpi) / 203));
  const moduleDots = Math.max(minDots, Math.min(maxDots, Math.floor(bodyWidth / (modules + 2 * CODE128_QUIET_ZONE_MODULES))));
  const barcodeX = Math.max(margin, Math.round((media.width - modules * moduleDots) / 2));
  const barHeight = at(180);

  return [
    '^XA',
    '^CI28',
    `^PW${media.width}`,
    `^LL${media.height}`,
    '^LH0,0',
    block(30, 20, 1, [LABEL_HEADINGS.from]),
    block(55, 20, 5, shipFromLines(label.shipFrom)),
    rule(185),
    block(200, 22, 1, [LABEL_HEADINGS.shipTo]),
    block(230, 44, 2, [label.shipTo.name]),
    block(335, 34, 7, [...shipToAddressLines(label.shipTo), ...(phone ? [phone] : [])]),
    rule(615),
    // ^BC: normal orientation, no printer-drawn text (we print it below), mode A (the printer
    // picks Code 128 subsets itself).
    `^FO${barcodeX},${at(640)}^BY${moduleDots},3,${barHeight}^BCN,${barHeight},N,N,N,A^FH_^FD${escapeFieldData(label.orderSn)}^FS`,
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
function fitLines(lines: string[], height: number, maxLines: number, bodyWidth: number): string[] {
  const perLine = Math.floor(bodyWidth / (0.55 * height));
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
