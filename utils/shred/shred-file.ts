import { bytesToHex } from '@noble/hashes/utils.js';
import { SHRED_KEY_LEN } from '../crypto/sealed-box';
import { utf8Bytes, utf8Text } from '../crypto/utf8';

/**
 * One shred file (utils/shred): the shred keys of the sealed records whose purge falls on one UTC
 * day. Binary, one entry after another:
 *
 *   [0..4)    FNV-1a hash of the order number (uint32 BE; lets a purge skip entries without decoding)
 *   [4..20)   key id (16 bytes, also in the envelope header)
 *   [20..52)  shred key (32 bytes)
 *   [52]      order number length n (1..255 bytes of UTF-8)
 *   [53..53+n) order number
 *
 * Order numbers are non-personal (they are stored in the clear in `orders`). A shred key alone
 * opens nothing: the record also needs the vault private key.
 */
export interface ShredEntry {
  orderSn: string;
  keyId: Uint8Array;
  key: Uint8Array;
}

const ID_LEN = 16;
const FIXED = 4 + ID_LEN + SHRED_KEY_LEN + 1;

export function orderHash(orderSn: string): number {
  let h = 0x811c9dc5;
  for (const b of utf8Bytes(orderSn)) h = Math.imul(h ^ b, 0x01000193) >>> 0;
  return h;
}

export function encodeShredEntries(entries: readonly ShredEntry[]): Uint8Array {
  const sns = entries.map((e) => utf8Bytes(e.orderSn));
  const out = new Uint8Array(entries.reduce((n, _e, i) => n + FIXED + sns[i]!.length, 0));
  const view = new DataView(out.buffer);
  let at = 0;
  entries.forEach((e, i) => {
    const sn = sns[i]!;
    if (sn.length === 0 || sn.length > 255) throw new RangeError('order number must be 1..255 bytes');
    if (e.keyId.length !== ID_LEN || e.key.length !== SHRED_KEY_LEN) throw new RangeError('bad shred key size');
    view.setUint32(at, orderHash(e.orderSn));
    out.set(e.keyId, at + 4);
    out.set(e.key, at + 4 + ID_LEN);
    out[at + FIXED - 1] = sn.length;
    out.set(sn, at + FIXED);
    at += FIXED + sn.length;
  });
  return out;
}

/** Entry offsets in a file; a truncated tail (a write cut short) is ignored. */
function* entryOffsets(bytes: Uint8Array): Generator<{ at: number; end: number }> {
  let at = 0;
  while (at + FIXED <= bytes.length) {
    const end = at + FIXED + bytes[at + FIXED - 1]!;
    if (end > bytes.length) return;
    yield { at, end };
    at = end;
  }
}

export function decodeShredEntries(bytes: Uint8Array): ShredEntry[] {
  const entries: ShredEntry[] = [];
  for (const { at, end } of entryOffsets(bytes)) {
    entries.push({ keyId: bytes.slice(at + 4, at + 4 + ID_LEN), key: bytes.slice(at + 4 + ID_LEN, at + FIXED - 1), orderSn: utf8Text(bytes.subarray(at + FIXED, end)) });
  }
  return entries;
}

/** id (hex) → key, for opening. */
export function shredKeyMap(bytes: Uint8Array): Map<string, Uint8Array> {
  const map = new Map<string, Uint8Array>();
  for (const { at } of entryOffsets(bytes)) map.set(bytesToHex(bytes.subarray(at + 4, at + 4 + ID_LEN)), bytes.slice(at + 4 + ID_LEN, at + FIXED - 1));
  return map;
}

/**
 * The file without the entries of these orders or key ids; `null` when nothing matched (the
 * caller then leaves the file alone). The hash lets most entries be skipped without decoding.
 */
export function withoutEntries(bytes: Uint8Array, drop: { orderSns?: ReadonlySet<string>; keyIds?: ReadonlySet<string> }): Uint8Array | null {
  const hashes = new Set<number>();
  for (const sn of drop.orderSns ?? []) hashes.add(orderHash(sn));
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const kept: Uint8Array[] = [];
  let dropped = 0;
  for (const { at, end } of entryOffsets(bytes)) {
    const byOrder = hashes.has(view.getUint32(at)) && drop.orderSns!.has(utf8Text(bytes.subarray(at + FIXED, end)));
    const byId = drop.keyIds !== undefined && drop.keyIds.size > 0 && drop.keyIds.has(bytesToHex(bytes.subarray(at + 4, at + 4 + ID_LEN)));
    if (byOrder || byId) dropped++;
    else kept.push(bytes.subarray(at, end));
  }
  if (dropped === 0) return null;
  const out = new Uint8Array(kept.reduce((n, k) => n + k.length, 0));
  let at = 0;
  for (const k of kept) {
    out.set(k, at);
    at += k.length;
  }
  return out;
}
