import { bytesToHex, randomBytes } from '@noble/hashes/utils.js';
import { aeadOpen, aeadSeal } from '../crypto/xchacha';
import type { StagedKeyRow } from '../db/records';
import type { OrderShredKey } from './shred-key-store';
import { keysByDay } from './shred-day';
import { decodeShredEntries, encodeShredEntries } from './shred-file';

/**
 * Shred keys staged in IndexedDB (utils/shred/shred-key-store.ts, "staging"): a capture batch's
 * keys go into one row of `shredStaging`, in the batch's own transaction, sealed under a staging
 * key whose only copy is a file of the shred directory (OPFS, where deletion is physical). The row
 * costs the capture no file of its own (issue 11: a new OPFS file per batch was ~0.1 of the sealed
 * capture's ratio to a plaintext put); deleting the staging key's file makes every row sealed
 * under it unrecoverable, wherever LevelDB still holds a copy.
 *
 * Staging key file (48 bytes): "SVSTAGE1" ‖ key id (8) ‖ key (32).
 * Staged row bytes:
 *
 *   [0]        version (1)
 *   [1..9)     staging key id
 *   [9..13)    plaintext length (uint32 BE)
 *   [13..37)   nonce (24)
 *   [37..)     XChaCha20-Poly1305 of the plaintext, associated data = bytes [0..13)
 *
 * Plaintext: per day, day (uint32 BE) ‖ length (uint32 BE) ‖ that day's entries in the shred-file
 * layout (utils/shred/shred-file.ts).
 */
export interface StagingKey {
  /** The file holding it: `stage.<id hex>.key`. */
  name: string;
  id: Uint8Array;
  key: Uint8Array;
}

const MAGIC = new TextEncoder().encode('SVSTAGE1');
const ID_LEN = 8;
const KEY_LEN = 32;
const VERSION = 1;
const HEADER = 1 + ID_LEN + 4;
const NONCE_LEN = 24;

/** Whether a file of the shred directory holds a staging key. */
export function isStagingKeyName(name: string): boolean {
  return /^stage\.[0-9a-f]{16}\.key$/.test(name);
}

/** The file a staging key with this id lives in. */
export function stagingKeyName(id: Uint8Array): string {
  return `stage.${bytesToHex(id)}.key`;
}

export function newStagingKey(): StagingKey {
  const id = randomBytes(ID_LEN);
  return { name: stagingKeyName(id), id, key: randomBytes(KEY_LEN) };
}

export function stagingKeyFile(key: StagingKey): Uint8Array {
  const out = new Uint8Array(MAGIC.length + ID_LEN + KEY_LEN);
  out.set(MAGIC);
  out.set(key.id, MAGIC.length);
  out.set(key.key, MAGIC.length + ID_LEN);
  return out;
}

/** The key in a staging key file; null when the bytes are not one (or not the file's own id). */
export function readStagingKeyFile(name: string, bytes: Uint8Array | null): StagingKey | null {
  if (!bytes || bytes.length !== MAGIC.length + ID_LEN + KEY_LEN || MAGIC.some((b, i) => bytes[i] !== b)) return null;
  const id = bytes.slice(MAGIC.length, MAGIC.length + ID_LEN);
  if (name !== stagingKeyName(id)) return null;
  return { name, id, key: bytes.slice(MAGIC.length + ID_LEN) };
}

/** The entries grouped by day, sealed under `key`, as a row for `shredStaging`. */
export function sealStagedKeys(key: StagingKey, entries: readonly OrderShredKey[]): StagedKeyRow {
  const parts = [...keysByDay(entries)].map(([day, dayEntries]) => ({ day, bytes: encodeShredEntries(dayEntries) }));
  const plaintext = new Uint8Array(parts.reduce((n, p) => n + 8 + p.bytes.length, 0));
  const view = new DataView(plaintext.buffer);
  let at = 0;
  for (const { day, bytes } of parts) {
    view.setUint32(at, day);
    view.setUint32(at + 4, bytes.length);
    plaintext.set(bytes, at + 8);
    at += 8 + bytes.length;
  }
  const header = new Uint8Array(HEADER);
  header[0] = VERSION;
  header.set(key.id, 1);
  new DataView(header.buffer).setUint32(1 + ID_LEN, plaintext.length);
  const nonce = randomBytes(NONCE_LEN);
  const ciphertext = aeadSeal(key.key, nonce, plaintext, header);
  plaintext.fill(0);
  const sealed = new Uint8Array(HEADER + NONCE_LEN + ciphertext.length);
  sealed.set(header);
  sealed.set(nonce, HEADER);
  sealed.set(ciphertext, HEADER + NONCE_LEN);
  return { id: bytesToHex(randomBytes(8)), stagingKey: key.name, sealed };
}

/** The staging key id a staged row is sealed under (null: not a staged row). */
export function stagedKeyId(sealed: Uint8Array): Uint8Array | null {
  return sealed.length >= HEADER + NONCE_LEN && sealed[0] === VERSION ? sealed.subarray(1, 1 + ID_LEN) : null;
}

/**
 * The entries of a staged row (starting at `sealed`'s first byte; bytes after its end are
 * ignored, so a copy found inside a larger file opens too); null when `key` does not open it.
 */
export function openStagedKeys(key: StagingKey, sealed: Uint8Array): OrderShredKey[] | null {
  const id = stagedKeyId(sealed);
  if (!id || id.some((b, i) => b !== key.id[i])) return null;
  const length = new DataView(sealed.buffer, sealed.byteOffset, sealed.byteLength).getUint32(1 + ID_LEN);
  const end = HEADER + NONCE_LEN + length + 16;
  if (sealed.length < end) return null;
  const plaintext = aeadOpen(key.key, sealed.subarray(HEADER, HEADER + NONCE_LEN), sealed.subarray(HEADER + NONCE_LEN, end), sealed.subarray(0, HEADER));
  if (!plaintext) return null;
  const view = new DataView(plaintext.buffer, plaintext.byteOffset, plaintext.byteLength);
  const entries: OrderShredKey[] = [];
  for (let at = 0; at + 8 <= plaintext.length; ) {
    const day = view.getUint32(at);
    const size = view.getUint32(at + 4);
    for (const e of decodeShredEntries(plaintext.subarray(at + 8, at + 8 + size))) entries.push({ ...e, day });
    at += 8 + size;
  }
  plaintext.fill(0);
  return entries;
}
