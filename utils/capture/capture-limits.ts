/**
 * Caps from issue 3 (bad input). The largest order-list page is 500 parent orders (pageSize max);
 * the fixture's 500-order page measures 816 KB (bench/capture.bench.ts), so 5 MB leaves room for
 * the real answer's extra fields, and 1,000 parent orders is twice the largest page.
 */
export const MAX_PAYLOAD_BYTES = 5 * 1024 * 1024;
export const MAX_PARENT_ORDERS = 1000;
/** Real responses nest ~6 levels; anything far deeper is hostile. */
export const MAX_JSON_DEPTH = 32;

/** True when the UTF-8 form of `text` is over the cap; encodes only when the length cannot tell. */
export function exceedsPayloadCap(text: string, cap = MAX_PAYLOAD_BYTES): boolean {
  // Each UTF-16 unit encodes to 1–3 UTF-8 bytes, so the length alone bounds the size both ways.
  if (text.length > cap) return true;
  if (text.length * 3 <= cap) return false;
  return new TextEncoder().encode(text).length > cap;
}
