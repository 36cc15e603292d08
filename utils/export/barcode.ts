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
 * Symbols already encoded, by text. Order numbers are known before their labels (they are in the
 * export request; buyer data comes later from export/prepare), so an export encodes them while
 * it waits (`encodeCode128Ahead`) and the render finds them here (issue 11). Bounded: a page
 * holds one export's order numbers at most (500), a long-lived page starts over past the cap.
 */
const encoded = new Map<string, Code128Symbol>();
const ENCODED_CAP = 5_000;

/** Encodes `texts` now, so later `code128Bars` calls for them cost nothing. Texts that cannot be encoded are skipped (the render reports them). */
export function encodeCode128Ahead(texts: Iterable<string>): void {
  for (const text of texts) {
    if (CODE128_TEXT.test(text)) code128Bars(text);
  }
}

/**
 * Bars of a Code 128 symbol, encoded by bwip-js (its pure-JS "generic" build: no canvas, no
 * eval; works in Node, pages and workers). `raw` returns the symbol's bar/space widths in
 * modules, so callers draw vector bars sized to whole printer dots.
 */
export function code128Bars(text: string): Code128Symbol {
  const known = encoded.get(text);
  if (known) return known;
  const symbol = encodeCode128(text);
  if (encoded.size >= ENCODED_CAP) encoded.clear();
  encoded.set(text, symbol);
  return symbol;
}

function encodeCode128(text: string): Code128Symbol {
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
