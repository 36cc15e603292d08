/**
 * Caps from issue 3 (bad input). The busiest sellers' order-list pages are 500 orders
 * (pageSize max) at roughly 3 KB of JSON each, so 5 MB and 1,000 parent orders leave 2x headroom.
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
