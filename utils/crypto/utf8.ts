/**
 * UTF-8 for what is sealed and opened: one encoder and one decoder for the whole bundle. Sealing
 * encodes every record's plaintext and associated data (issue 11: noble's `utf8ToBytes` made an
 * encoder and a copy per call); opening decodes every record's JSON.
 */
const encoder = new TextEncoder();
const decoder = new TextDecoder();

export function utf8Bytes(text: string): Uint8Array {
  return encoder.encode(text);
}

export function utf8Text(bytes: Uint8Array): string {
  return decoder.decode(bytes);
}

/**
 * UTF-8 of `text` written into `scratch` when it fits — a view of it, valid until the next use of
 * that scratch — else a new array. For sealing, which encodes every record's plaintext and
 * associated data: a new array per call cost ~1–2 µs each in Chromium (issue 11).
 */
export function utf8InScratch(text: string, scratch: Uint8Array): Uint8Array {
  const { read, written } = utf8Into(text, scratch);
  return read === text.length ? scratch.subarray(0, written) : encoder.encode(text);
}

/** UTF-8 of `text` written into `target` from its start: what was read of the text and written. */
export function utf8Into(text: string, target: Uint8Array): { read: number; written: number } {
  return encoder.encodeInto(text, target);
}
