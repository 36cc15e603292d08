import bwipjs from 'bwip-js/generic';
import { assertCode128Text, type Bar, type Code128Symbol, isCode128Text, knownCode128, rememberCode128 } from './barcode-symbols';

export { assertCode128Text, type Bar, CODE128_QUIET_ZONE_MODULES, type Code128Symbol } from './barcode-symbols';

/**
 * Bars of a Code 128 symbol, encoded by bwip-js (its pure-JS "generic" build: no canvas, no
 * eval; works in Node, pages and workers). `raw` returns the symbol's bar/space widths in
 * modules, so callers draw vector bars sized to whole printer dots. Remembered (barcode-symbols.ts).
 */
export function code128Bars(text: string): Code128Symbol {
  const known = knownCode128(text);
  if (known) return known;
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
  const encoded = { modules: position, bars };
  rememberCode128(text, encoded);
  return encoded;
}

/**
 * Encodes the order numbers of an export before its labels exist (they are in the export
 * request; buyer data comes later from export/prepare), for the render worker or for ZPL
 * (issue 11). Texts that cannot be encoded are skipped: the render reports them.
 */
export function encodeCode128Ahead(texts: Iterable<string>): [string, Code128Symbol][] {
  const symbols: [string, Code128Symbol][] = [];
  for (const text of texts) if (isCode128Text(text)) symbols.push([text, code128Bars(text)]);
  return symbols;
}
