import { bytesToHex } from '@noble/hashes/utils.js';
import { SHRED_KEY_LEN } from '../crypto/sealed-box';
import { utf8Bytes, utf8Into, utf8Text } from '../crypto/utf8';

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

/** FNV-1a of bytes [from, to). */
function fnv1a(bytes: Uint8Array, from: number, to: number): number {
  let h = 0x811c9dc5;
  for (let i = from; i < to; i++) h = Math.imul(h ^ bytes[i]!, 0x01000193) >>> 0;
  return h;
}

export function orderHash(orderSn: string): number {
  const bytes = utf8Bytes(orderSn);
  return fnv1a(bytes, 0, bytes.length);
}

/**
 * Each order number is encoded once, straight into the file bytes, and hashed there: a capture
 * files 500 entries a batch, and encoding every number twice into new arrays cost ~8 µs an entry
 * in Chromium (profiled: ~80 ms of the renderer's time per 10,000 sealed addresses, issue 11).
 */
export function encodeShredEntries(entries: readonly ShredEntry[]): Uint8Array {
  // UTF-8 takes at most 3 bytes per UTF-16 unit; a number longer than 255 bytes is refused below.
  const out = new Uint8Array(entries.reduce((n, e) => n + FIXED + Math.min(255, 3 * e.orderSn.length), 0));
  const view = new DataView(out.buffer);
  let at = 0;
  for (const e of entries) {
    if (e.keyId.length !== ID_LEN || e.key.length !== SHRED_KEY_LEN) throw new RangeError('bad shred key size');
    const snAt = at + FIXED;
    const { read, written } = utf8Into(e.orderSn, out.subarray(snAt, snAt + 255));
    if (written === 0 || read !== e.orderSn.length) throw new RangeError('order number must be 1..255 bytes');
    view.setUint32(at, fnv1a(out, snAt, snAt + written));
    out.set(e.keyId, at + 4);
    out.set(e.key, at + 4 + ID_LEN);
    out[snAt - 1] = written;
    at = snAt + written;
  }
  return out.slice(0, at);
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

/** The file up to its last whole entry: a truncated tail is left out of whatever the bytes are joined to. */
export function wholeEntries(bytes: Uint8Array): Uint8Array {
  let end = 0;
  for (const entry of entryOffsets(bytes)) end = entry.end;
  return bytes.subarray(0, end);
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

/** What a deletion drops: entries of these orders or with these key ids (hex). */
export interface EntryDrop {
  orderSns: ReadonlySet<string>;
  keyIds: ReadonlySet<string>;
  /** FNV-1a hashes of `orderSns`, computed once for every file a deletion walks. */
  orderHashes: ReadonlySet<number>;
}

/**
 * Prepares a deletion for `withoutEntries`. Once per deletion, not per file: a purge of 10,000 due
 * orders walks every live day's file, and hashing the 10,000 order numbers again for each of 27
 * files took about a second of a purge's answer (bench/retention.pw-bench.ts, 100,000 stored).
 */
export function entryDrop(drop: { orderSns?: ReadonlySet<string>; keyIds?: ReadonlySet<string> }): EntryDrop {
  const orderSns = drop.orderSns ?? new Set<string>();
  return { orderSns, keyIds: drop.keyIds ?? new Set<string>(), orderHashes: new Set([...orderSns].map(orderHash)) };
}

/**
 * The file without the entries `drop` names; `null` when nothing matched (the caller then leaves
 * the file alone). The hash lets most entries be skipped without decoding.
 */
export function withoutEntries(bytes: Uint8Array, drop: EntryDrop): Uint8Array | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // Entries dropped, as [start, end) byte ranges; the kept bytes are copied only when there is one
  // (most files of a purge hold none of the due orders: 90,000 entries scanned in ~5 ms in Node,
  // ~15 ms when every kept entry was copied).
  const dropped: number[] = [];
  let droppedBytes = 0;
  // The end of the last whole entry: a truncated tail (a write cut short) is not carried over.
  let wholeEnd = 0;
  for (const { at, end } of entryOffsets(bytes)) {
    wholeEnd = end;
    const byOrder = drop.orderHashes.has(view.getUint32(at)) && drop.orderSns.has(utf8Text(bytes.subarray(at + FIXED, end)));
    const byId = drop.keyIds.size > 0 && drop.keyIds.has(bytesToHex(bytes.subarray(at + 4, at + 4 + ID_LEN)));
    if (byOrder || byId) {
      dropped.push(at, end);
      droppedBytes += end - at;
    }
  }
  if (dropped.length === 0) return null;
  const out = new Uint8Array(wholeEnd - droppedBytes);
  let from = 0;
  let to = 0;
  for (let k = 0; k < dropped.length; k += 2) {
    out.set(bytes.subarray(from, dropped[k]), to);
    to += dropped[k]! - from;
    from = dropped[k + 1]!;
  }
  out.set(bytes.subarray(from, wholeEnd), to);
  return out;
}
