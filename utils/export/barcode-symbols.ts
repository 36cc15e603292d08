/**
 * Code 128 symbols as layout uses them, without the encoder (bwip-js, ~0.9 MB: barcode.ts).
 * The PDF render worker does not bundle the encoder: the export page encodes the order numbers
 * while export/prepare runs and hands the symbols over (issue 11). Code that lays out a barcode
 * asks `ensureCode128Symbols` first; only symbols nobody handed over load the encoder.
 */

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

export function isCode128Text(text: string): boolean {
  return CODE128_TEXT.test(text);
}

export function assertCode128Text(text: string): void {
  if (!isCode128Text(text)) {
    throw new Error('Order number cannot be drawn as a Code 128 barcode (only printable ASCII, 1–80 characters).');
  }
}

/**
 * Symbols encoded so far, by text. Bounded: a page or worker holds one export's order numbers
 * (at most 500); a long-lived page starts over past the cap.
 */
const known = new Map<string, Code128Symbol>();
const KNOWN_CAP = 5_000;

export function rememberCode128(text: string, symbol: Code128Symbol): void {
  if (known.size >= KNOWN_CAP) known.clear();
  known.set(text, symbol);
}

export function knownCode128(text: string): Code128Symbol | undefined {
  return known.get(text);
}

/** The symbol of `text`; it must have been encoded or handed over (`ensureCode128Symbols`). */
export function code128Symbol(text: string): Code128Symbol {
  assertCode128Text(text);
  const symbol = known.get(text);
  if (!symbol) throw new Error(`No barcode was encoded for ${text}.`);
  return symbol;
}

/** Encodes whatever of `texts` is not known yet, loading the encoder only then. Texts that cannot be encoded are left to layout to report. */
export async function ensureCode128Symbols(texts: Iterable<string>): Promise<void> {
  const missing = [...texts].filter((text) => isCode128Text(text) && !known.has(text));
  if (missing.length === 0) return;
  const { code128Bars } = await import('./barcode');
  for (const text of missing) code128Bars(text);
}
