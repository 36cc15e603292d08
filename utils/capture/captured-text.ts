/**
 * Captured text is data, never markup, formula or layout control (issue 16, input hygiene).
 * Removed: C0 and C1 control characters including NUL (a tab, line break or other line/paragraph
 * separator becomes a space: they are never part of a name or address line), bidirectional
 * embeddings, overrides and isolates and the directional marks (U+202A–202E, U+2066–2069,
 * U+200E/200F, U+061C: they can make a label or the popup show text in another order than it is
 * stored, "Trojan Source"), the BOM/zero-width no-break space, soft hyphen and other invisible
 * formatting (U+200B, U+2060–2064, U+180E). Kept: ZWJ/ZWNJ (U+200C/200D: needed by emoji
 * sequences and by Persian and Indic spelling). Lone surrogates become U+FFFD. Then NFC, so
 * equal-looking text compares equal (a re-captured address is not "changed" by its encoding).
 */
const LINE_LIKE = /[\t\n\v\f\r\u0085\u2028\u2029]/g;
// biome-ignore lint/suspicious/noControlCharactersInRegex: removing control characters is the point.
const INVISIBLE = /[\u0000-\u0008\u000e-\u001f\u007f-\u0084\u0086-\u009f\u00ad\u061c\u180e\u200b\u200e\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff\ufff9-\ufffb]/g;

export function plainCapturedText(value: string): string {
  const wellFormed = value.isWellFormed() ? value : value.toWellFormed();
  return wellFormed.replace(LINE_LIKE, ' ').replace(INVISIBLE, '').normalize('NFC');
}
