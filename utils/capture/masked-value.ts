/**
 * The seller center masks PII it will not show ("****", "J***", "+1 ***-***-1234", "●●●●").
 * A masked value is never stored as if it were real (reference: "never store a masked value").
 */
const MASK_RUN = /[*＊•●]{2,}|^[*＊•●]$/;

export function isMaskedValue(value: string): boolean {
  return MASK_RUN.test(value);
}
