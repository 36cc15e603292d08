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
