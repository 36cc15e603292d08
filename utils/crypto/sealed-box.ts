import { bytesToHex, concatBytes, randomBytes } from '@noble/hashes/utils.js';
import { x25519 } from '@noble/curves/ed25519.js';
import { hkdf } from '@noble/hashes/hkdf.js';
import { hmac } from '@noble/hashes/hmac.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { utf8Bytes, utf8InScratch } from './utf8';
import { aeadOpen, aeadSeal, hchacha20, singleUseOpen, singleUseSeal } from './xchacha';

/**
 * Sealed envelope, version 1 (ARCHITECTURE: Crypto). Sealing needs only the vault public key,
 * so capture works while the vault is locked; opening needs the private key.
 *
 *   [0]      version byte 0x01
 *   [1..33)  ephemeral X25519 public key
 *   [33..57) random 24-byte XChaCha20 nonce
 *   [57..)   XChaCha20-Poly1305 ciphertext + 16-byte tag
 *
 * key = HKDF-SHA256(ikm = X25519(ephemeral, recipient), salt = ephemeralPub || recipientPub,
 * info = "seller-vault/sealed/v1"). One ephemeral key per sealer (one capture batch): an X25519
 * operation costs ~1.3 ms here, per-record ephemerals would make sealing 10,000 addresses take
 * ~27 s; random 24-byte nonces keep per-record encryption under one key safe.
 */
export const SEALED_V1 = 0x01;
const EPHEMERAL_LEN = 32;
const NONCE_LEN = 24;
const TAG_LEN = 16;
const NONCE_POOL = 2048;
const HEADER_LEN = 1 + EPHEMERAL_LEN + NONCE_LEN;
const HKDF_INFO = utf8Bytes('seller-vault/sealed/v1');

/** Opening failed: wrong key, tampered bytes, wrong associated data, or unknown version. */
export class SealedOpenError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SealedOpenError';
  }
}

/**
 * Associated data binding a blob to its row: table name + NUL + primary key. With `scratch`, a
 * view of it valid until its next use (utf8InScratch).
 */
export function sealedAad(table: string, primaryKey: string, scratch?: Uint8Array): Uint8Array {
  const text = `${table}\u0000${primaryKey}`;
  return scratch ? utf8InScratch(text, scratch) : utf8Bytes(text);
}

function deriveSealKey(shared: Uint8Array, ephemeralPub: Uint8Array, recipientPub: Uint8Array, info: Uint8Array = HKDF_INFO, length = 32): Uint8Array {
  // An all-zero shared secret means a low-order public key: refuse instead of using a known key.
  if (shared.every((b) => b === 0)) throw new SealedOpenError('invalid public key');
  return hkdf(sha256, shared, concatBytes(ephemeralPub, recipientPub), info, length);
}

/** The opener's side of a batch key, cached per ephemeral key (one X25519 per capture batch). */
function batchKeysOf(recipientSecretKey: Uint8Array, info: Uint8Array, length = 32): (ephemeralPub: Uint8Array) => Uint8Array {
  const recipientPub = x25519.getPublicKey(recipientSecretKey);
  const keys = new Map<string, Uint8Array>();
  return (ephemeralPub) => {
    const id = bytesToHex(ephemeralPub);
    const cached = keys.get(id);
    if (cached) return cached;
    let shared: Uint8Array;
    try {
      shared = x25519.getSharedSecret(recipientSecretKey, ephemeralPub);
    } catch {
      throw new SealedOpenError('invalid ephemeral key');
    }
    const key = deriveSealKey(shared, ephemeralPub, recipientPub, info, length);
    keys.set(id, key);
    return key;
  };
}

export interface Sealer {
  seal(plaintext: Uint8Array, aad: Uint8Array): Uint8Array;
}

/** A sealer for one batch: one ephemeral key, a fresh random nonce per record. */
export function createSealer(recipientPublicKey: Uint8Array): Sealer {
  const ephemeralSecret = x25519.utils.randomSecretKey();
  const ephemeralPub = x25519.getPublicKey(ephemeralSecret);
  const key = deriveSealKey(x25519.getSharedSecret(ephemeralSecret, recipientPublicKey), ephemeralPub, recipientPublicKey);
  ephemeralSecret.fill(0);
  // Nonces drawn from the CSPRNG in chunks: one getRandomValues call per 2,048 records instead
  // of one per record (measured ~3 µs saved per record).
  let pool = new Uint8Array(0);
  let offset = 0;
  return {
    seal(plaintext, aad) {
      if (offset === pool.length) {
        pool = randomBytes(NONCE_LEN * NONCE_POOL);
        offset = 0;
      }
      const nonce = pool.subarray(offset, offset + NONCE_LEN);
      offset += NONCE_LEN;
      const ciphertext = aeadSeal(key, nonce, plaintext, aad);
      return concatBytes(Uint8Array.of(SEALED_V1), ephemeralPub, nonce, ciphertext);
    },
  };
}

export interface Opener {
  /** Plaintext, or throws SealedOpenError. */
  open(envelope: Uint8Array, aad: Uint8Array): Uint8Array;
}

/** An opener holding the vault private key; caches the derived key per ephemeral key (per batch). */
export function createOpener(recipientSecretKey: Uint8Array): Opener {
  const batchKey = batchKeysOf(recipientSecretKey, HKDF_INFO);
  return {
    open(envelope, aad) {
      if (!(envelope instanceof Uint8Array) || envelope.length < HEADER_LEN + TAG_LEN) throw new SealedOpenError('envelope too short');
      if (envelope[0] !== SEALED_V1) throw new SealedOpenError(`unknown envelope version ${envelope[0]}`);
      const key = batchKey(envelope.subarray(1, 1 + EPHEMERAL_LEN));
      const nonce = envelope.subarray(1 + EPHEMERAL_LEN, HEADER_LEN);
      const plaintext = aeadOpen(key, nonce, envelope.subarray(HEADER_LEN), aad);
      if (!plaintext) throw new SealedOpenError('authentication failed');
      return plaintext;
    },
  };
}

/** One-shot helpers (tests, single records). */
export function sealTo(recipientPublicKey: Uint8Array, plaintext: Uint8Array, aad: Uint8Array): Uint8Array {
  return createSealer(recipientPublicKey).seal(plaintext, aad);
}

export function openWith(recipientSecretKey: Uint8Array, envelope: Uint8Array, aad: Uint8Array): Uint8Array {
  return createOpener(recipientSecretKey).open(envelope, aad);
}

/**
 * Sealed envelope, versions 2 and 3: a v1 envelope whose key also needs a per-record **shred key**
 * that lives only in a store where deletion is physical (utils/shred: OPFS files). Deleting the
 * shred key makes the record unopenable for good, even with the vault private key, wherever copies
 * of the envelope survive (LevelDB keeps deleted rows until it compacts: docs/deletion-measurements.md).
 *
 *   [0]       version byte 0x02 or 0x03
 *   [1..5)    shred day (uint32 BE: the UTC day whose shred file holds the shred key)
 *   [5..21)   shred key id (16 random bytes)
 *   [21..53)  ephemeral X25519 public key
 *   [53..77)  random 24-byte XChaCha20 nonce
 *   [77..)    XChaCha20-Poly1305 ciphertext + 16-byte tag
 *
 * batchKey = HKDF-SHA256(ikm = X25519(ephemeral, recipient), salt = ephemeralPub || recipientPub,
 * info = "seller-vault/sealed/v2"). Record key, with ref = header[0..21):
 *   v3 (written now):  HMAC-SHA256(key = batchKey, shredKey || ref)
 *   v2 (still opened): HMAC-SHA256(key = shredKey, batchKey || ref)
 * Both are a PRF of the batch key and the shred key: without either, the record key is out of
 * reach. v3 keys the HMAC with the batch key, so its key schedule is computed once per sealer
 * instead of once per record (issue 11: per-record sealing cost). Sealing still needs only the
 * vault public key (capture while locked). v2 and v3 are still opened; v4 is written now.
 *
 * Version 4: the same header without the nonce, and a cheaper record key.
 *
 *   [0]       version byte 0x04
 *   [1..5)    shred day
 *   [5..21)   shred key id
 *   [21..53)  ephemeral X25519 public key
 *   [53..)    ChaCha20-Poly1305 (RFC 8439) ciphertext + 16-byte tag; nonce: 12 zero bytes;
 *             associated data: header[0..21) || the row's associated data
 *
 * batchInput = HKDF-SHA256(ikm = X25519(ephemeral, recipient), salt = ephemeralPub || recipientPub,
 * info = "seller-vault/sealed/v4", 16 bytes); record key = HChaCha20(key = shredKey, batchInput).
 * HChaCha20 is XChaCha20's own subkey step and a PRF keyed by the shred key: someone who later
 * learns the passphrase (so the batch input) but not a deleted shred key cannot derive the record
 * key; someone holding the shred keys but not the vault key must guess the 128-bit batch input.
 * Every record has a fresh 32-byte shred key, so every record key encrypts one message and the
 * fixed nonce never repeats under a key. Per record this is one HChaCha20 and ChaCha20-Poly1305
 * instead of HMAC-SHA256 plus XChaCha20-Poly1305 (its own HChaCha20 included): in Node 8.1 →
 * 5.5 µs for a 160-byte address, and 24 bytes less to store (issue 11: sealed capture, where every
 * µs of the worker's CPU shows on a 2-core machine).
 */
export const SEALED_V2 = 0x02;
export const SEALED_V3 = 0x03;
export const SEALED_V4 = 0x04;
const SHRED_ID_LEN = 16;
export const SHRED_KEY_LEN = 32;
const SHRED_REF_LEN = 1 + 4 + SHRED_ID_LEN;
const SHRED_HEADER_LEN = SHRED_REF_LEN + EPHEMERAL_LEN + NONCE_LEN;
const V4_HEADER_LEN = SHRED_REF_LEN + EPHEMERAL_LEN;
const HKDF_INFO_V2 = utf8Bytes('seller-vault/sealed/v2');
const HKDF_INFO_V4 = utf8Bytes('seller-vault/sealed/v4');
const BATCH_INPUT_LEN = 16;

/** Where a v2/v3 envelope's shred key is: its day file and its id. */
export interface ShredRef {
  day: number;
  keyId: Uint8Array;
}

/** A shred key made while sealing: the caller stores it (durably) before the sealed record. */
export interface ShredKey extends ShredRef {
  key: Uint8Array;
}

/** Header length of a shred-keyed envelope of this version (0: not one). */
function shredHeaderLen(version: number | undefined): number {
  return version === SEALED_V4 ? V4_HEADER_LEN : version === SEALED_V2 || version === SEALED_V3 ? SHRED_HEADER_LEN : 0;
}

/** The shred ref of a v2/v3/v4 envelope; null for v1 or anything too short to be one. */
export function shredRefOf(envelope: Uint8Array): ShredRef | null {
  if (!(envelope instanceof Uint8Array)) return null;
  const headerLen = shredHeaderLen(envelope[0]);
  if (headerLen === 0 || envelope.length < headerLen + TAG_LEN) return null;
  const day = new DataView(envelope.buffer, envelope.byteOffset + 1, 4).getUint32(0);
  return { day, keyId: envelope.slice(5, SHRED_REF_LEN) };
}

function recordKey(version: number, batchKey: Uint8Array, shredKey: Uint8Array, ref: Uint8Array): Uint8Array {
  return version === SEALED_V3 ? hmac(sha256, batchKey, concatBytes(shredKey, ref)) : hmac(sha256, shredKey, concatBytes(batchKey, ref));
}

export interface ShreddingSealer {
  /** Seals to the recipient and a fresh shred key filed under `day`. */
  seal(plaintext: Uint8Array, aad: Uint8Array, day: number): { envelope: Uint8Array; shred: ShredKey };
}

/** Associated data of a v4 record: its header's ref (version, day, key id), then the row's. */
function v4Aad(ref: Uint8Array, aad: Uint8Array, scratch?: Uint8Array): Uint8Array {
  const out = scratch && scratch.length >= SHRED_REF_LEN + aad.length ? scratch.subarray(0, SHRED_REF_LEN + aad.length) : new Uint8Array(SHRED_REF_LEN + aad.length);
  out.set(ref);
  out.set(aad, SHRED_REF_LEN);
  return out;
}

/** A v4 sealer for one batch: one ephemeral key; per record a fresh shred key and id. */
export function createShreddingSealer(recipientPublicKey: Uint8Array): ShreddingSealer {
  const ephemeralSecret = x25519.utils.randomSecretKey();
  const ephemeralPub = x25519.getPublicKey(ephemeralSecret);
  const batchInput = deriveSealKey(x25519.getSharedSecret(ephemeralSecret, recipientPublicKey), ephemeralPub, recipientPublicKey, HKDF_INFO_V4, BATCH_INPUT_LEN);
  ephemeralSecret.fill(0);
  // Key id and key drawn from the CSPRNG in pools: one getRandomValues per 512 records (24 KB).
  const PER_RECORD = SHRED_ID_LEN + SHRED_KEY_LEN;
  const POOL_RECORDS = 512;
  let pool = new Uint8Array(0);
  let offset = 0;
  // One record key buffer and one associated-data buffer per sealer, rewritten per record (the
  // key wiped after each): at ~160-byte records sealing cost is per-record allocations as much as
  // cipher work (bench/vault.bench.ts, issue 11). The envelope is written in place, the
  // ciphertext straight into its tail.
  const recordKeyBuffer = new Uint8Array(32);
  const aadScratch = new Uint8Array(SHRED_REF_LEN + 512);
  return {
    seal(plaintext, aad, day) {
      if (!Number.isInteger(day) || day < 0 || day > 0xffffffff) throw new RangeError(`shred day out of range: ${day}`);
      if (offset === pool.length) {
        pool = randomBytes(PER_RECORD * POOL_RECORDS);
        offset = 0;
      }
      const envelope = new Uint8Array(V4_HEADER_LEN + plaintext.length + TAG_LEN);
      envelope[0] = SEALED_V4;
      envelope[1] = day >>> 24;
      envelope[2] = (day >>> 16) & 0xff;
      envelope[3] = (day >>> 8) & 0xff;
      envelope[4] = day & 0xff;
      envelope.set(pool.subarray(offset, offset + SHRED_ID_LEN), 5);
      envelope.set(ephemeralPub, SHRED_REF_LEN);
      const key = pool.slice(offset + SHRED_ID_LEN, offset + PER_RECORD);
      // Spent randomness does not linger in the pool (the key lives on only in the shred store).
      pool.fill(0, offset, offset + PER_RECORD);
      offset += PER_RECORD;
      hchacha20(key, batchInput, recordKeyBuffer);
      singleUseSeal(recordKeyBuffer, plaintext, v4Aad(envelope.subarray(0, SHRED_REF_LEN), aad, aadScratch), envelope.subarray(V4_HEADER_LEN));
      recordKeyBuffer.fill(0);
      return { envelope, shred: { day, keyId: envelope.slice(5, SHRED_REF_LEN), key } };
    },
  };
}

/** Finds a shred key by its ref; undefined when it was deleted (the record is gone for good). */
export type ShredKeyLookup = (ref: ShredRef) => Uint8Array | undefined;

/** Opens v1 to v4 envelopes; v2 to v4 need their shred key from `shredKeys`. */
export function createVaultOpener(recipientSecretKey: Uint8Array, shredKeys: ShredKeyLookup): Opener {
  const v1 = createOpener(recipientSecretKey);
  const batchKey = batchKeysOf(recipientSecretKey, HKDF_INFO_V2);
  const batchInput = batchKeysOf(recipientSecretKey, HKDF_INFO_V4, BATCH_INPUT_LEN);
  return {
    open(envelope, aad) {
      if (envelope instanceof Uint8Array && envelope[0] === SEALED_V1) return v1.open(envelope, aad);
      const ref = shredRefOf(envelope);
      if (!ref) throw new SealedOpenError('not a sealed envelope');
      const shredKey = shredKeys(ref);
      if (!shredKey) throw new SealedOpenError('shred key deleted');
      if (envelope[0] === SEALED_V4) {
        const key = hchacha20(shredKey, batchInput(envelope.subarray(SHRED_REF_LEN, V4_HEADER_LEN)), new Uint8Array(32));
        const plaintext = singleUseOpen(key, envelope.subarray(V4_HEADER_LEN), v4Aad(envelope.subarray(0, SHRED_REF_LEN), aad));
        key.fill(0);
        if (!plaintext) throw new SealedOpenError('authentication failed');
        return plaintext;
      }
      const key = recordKey(envelope[0]!, batchKey(envelope.subarray(SHRED_REF_LEN, SHRED_REF_LEN + EPHEMERAL_LEN)), shredKey, envelope.subarray(0, SHRED_REF_LEN));
      const plaintext = aeadOpen(key, envelope.subarray(SHRED_REF_LEN + EPHEMERAL_LEN, SHRED_HEADER_LEN), envelope.subarray(SHRED_HEADER_LEN), aad);
      key.fill(0);
      if (!plaintext) throw new SealedOpenError('authentication failed');
      return plaintext;
    },
  };
}
