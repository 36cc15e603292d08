/** Ship&co's longest name and address line, in characters. */
export const SHIPANDCO_LINE_MAX = 35;

/**
 * Moves what does not fit into a carrier's first address line to the second line.
 * Lengths count Unicode characters (code points), as carriers' "max 35 characters" do.
 * The cut falls at the last space or comma within the limit, or at the limit when a line has
 * none (CJK addresses, one long word). Nothing is dropped: the overflow leads line 2.
 */
export function splitAddressLines(line1: string, rest: string[], maxLine1: number): { line1: string; line2: string } {
  const clean = (s: string) => s.replace(/\s+/g, ' ').trim();
  const first = clean(line1);
  const tail = rest.map(clean).filter((s) => s.length > 0);
  const chars = Array.from(first);
  if (chars.length <= maxLine1) return { line1: first, line2: tail.join(', ') };
  const window = chars.slice(0, maxLine1 + 1).join('');
  const breakAt = Math.max(window.lastIndexOf(' '), window.lastIndexOf(','));
  // breakAt is a UTF-16 index in the window; convert it back by re-slicing the string.
  const head = breakAt > 0 ? window.slice(0, breakAt) : chars.slice(0, maxLine1).join('');
  const overflow = first.slice(head.length).replace(/^[\s,]+/, '');
  return { line1: head.replace(/[\s,]+$/, ''), line2: [overflow, ...tail].filter((s) => s.length > 0).join(', ') };
}
