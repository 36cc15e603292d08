import bwipjs from 'bwip-js/generic';

/** One dark bar, in modules (narrowest bar width) from the symbol's left edge. */
export interface Bar {
  start: number;
  width: number;
}

export interface Code128Symbol {
  /** Width of the symbol in modules, quiet zones excluded. */
  modules: number;
  bars: Bar[];
}

/** Code 128 needs at least 10 modules of white on each side (ISO/IEC 15417 §4.4.4). */
export const CODE128_QUIET_ZONE_MODULES = 10;

/** Code 128 encodes ASCII; Temu order numbers (PO-…) are plain ASCII. */
const CODE128_TEXT = /^[\x20-\x7E]{1,80}$/;

export function assertCode128Text(text: string): void {
  if (!CODE128_TEXT.test(text)) {
    throw new Error('Order number cannot be drawn as a Code 128 barcode (only printable ASCII, 1–80 characters).');
  }
}

/**
 * Bars of a Code 128 symbol, encoded by bwip-js (its pure-JS "generic" build: no canvas, no
 * eval; works in Node, pages and workers). `raw` returns the symbol's bar/space widths in
 * modules, so callers draw vector bars sized to whole printer dots.
 */
export function code128Bars(text: string): Code128Symbol {
  assertCode128Text(text);
  const [symbol] = bwipjs.raw({ bcid: 'code128', text }) as { sbs: number[] }[];
  if (!symbol?.sbs) throw new Error('Barcode encoder returned no bars.');
  const bars: Bar[] = [];
  let position = 0;
  // sbs alternates bar, space, bar, … starting with a bar.
  symbol.sbs.forEach((width, index) => {
    if (index % 2 === 0) bars.push({ start: position, width });
    position += width;
  });
  return { modules: position, bars };
}
