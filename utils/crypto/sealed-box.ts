import { bytesToHex, concatBytes, randomBytes } from '@noble/hashes/utils.js';
import { x25519 } from '@noble/curves/ed25519.js';
import { hkdf } from '@noble/hashes/hkdf.js';
import { hmac } from '@noble/hashes/hmac.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { utf8Bytes, utf8InScratch } from './utf8';
import { aeadOpen, aeadSeal } from './xchacha';

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

function deriveSealKey(shared: Uint8Array, ephemeralPub: Uint8Array, recipientPub: Uint8Array, info: Uint8Array = HKDF_INFO): Uint8Array {
  // An all-zero shared secret means a low-order public key: refuse instead of using a known key.
  if (shared.every((b) => b === 0)) throw new SealedOpenError('invalid public key');
  return hkdf(sha256, shared, concatBytes(ephemeralPub, recipientPub), info, 32);
}

/** The opener's side of a batch key, cached per ephemeral key (one X25519 per capture batch). */
function batchKeysOf(recipientSecretKey: Uint8Array, info: Uint8Array): (ephemeralPub: Uint8Array) => Uint8Array {
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
    const key = deriveSealKey(shared, ephemeralPub, recipientPub, info);
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
 * vault public key (capture while locked).
 */
export const SEALED_V2 = 0x02;
export const SEALED_V3 = 0x03;
const SHRED_ID_LEN = 16;
export const SHRED_KEY_LEN = 32;
const SHRED_REF_LEN = 1 + 4 + SHRED_ID_LEN;
const SHRED_HEADER_LEN = SHRED_REF_LEN + EPHEMERAL_LEN + NONCE_LEN;
const HKDF_INFO_V2 = utf8Bytes('seller-vault/sealed/v2');

/** Where a v2/v3 envelope's shred key is: its day file and its id. */
export interface ShredRef {
  day: number;
  keyId: Uint8Array;
}

/** A shred key made while sealing: the caller stores it (durably) before the sealed record. */
export interface ShredKey extends ShredRef {
  key: Uint8Array;
}

/** The shred ref of a v2/v3 envelope; null for v1 or anything too short to be one. */
export function shredRefOf(envelope: Uint8Array): ShredRef | null {
  if (!(envelope instanceof Uint8Array) || envelope.length < SHRED_HEADER_LEN + TAG_LEN || (envelope[0] !== SEALED_V2 && envelope[0] !== SEALED_V3)) return null;
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

/** A v3 sealer for one batch: one ephemeral key; per record a fresh nonce, shred key and id. */
export function createShreddingSealer(recipientPublicKey: Uint8Array): ShreddingSealer {
  const ephemeralSecret = x25519.utils.randomSecretKey();
  const ephemeralPub = x25519.getPublicKey(ephemeralSecret);
  const batchKey = deriveSealKey(x25519.getSharedSecret(ephemeralSecret, recipientPublicKey), ephemeralPub, recipientPublicKey, HKDF_INFO_V2);
  ephemeralSecret.fill(0);
  // The HMAC keyed with the batch key, its key schedule done once; copied for each record into
  // one reused instance and digested into one reused buffer (wiped after each record). A fresh
  // clone and digest per record cost ~5 µs of the ~12 µs a seal took in Chromium (issue 11).
  const recordKeys = hmac.create(sha256, batchKey);
  const recordHmac = recordKeys.clone();
  const recordKeyBuffer = new Uint8Array(32);
  batchKey.fill(0);
  // Nonce, id and key drawn from the CSPRNG in pools: one getRandomValues per 512 records
  // (36 KB; the call takes at most 64 KB).
  const PER_RECORD = NONCE_LEN + SHRED_ID_LEN + SHRED_KEY_LEN;
  const POOL_RECORDS = 512;
  let pool = new Uint8Array(0);
  let offset = 0;
  // The record key's HMAC input, shredKey || ref: one buffer per sealer, rewritten per record and
  // wiped after. Per record the envelope is written in place (header, then the ciphertext straight
  // into its tail), with no intermediate copies: at ~160-byte records sealing cost is per-record
  // allocations as much as cipher work (bench/vault.bench.ts, issue 11).
  const keyInput = new Uint8Array(SHRED_KEY_LEN + SHRED_REF_LEN);
  return {
    seal(plaintext, aad, day) {
      if (!Number.isInteger(day) || day < 0 || day > 0xffffffff) throw new RangeError(`shred day out of range: ${day}`);
      if (offset === pool.length) {
        pool = randomBytes(PER_RECORD * POOL_RECORDS);
        offset = 0;
      }
      const envelope = new Uint8Array(SHRED_HEADER_LEN + plaintext.length + TAG_LEN);
      envelope[0] = SEALED_V3;
      envelope[1] = day >>> 24;
      envelope[2] = (day >>> 16) & 0xff;
      envelope[3] = (day >>> 8) & 0xff;
      envelope[4] = day & 0xff;
      envelope.set(pool.subarray(offset + NONCE_LEN, offset + NONCE_LEN + SHRED_ID_LEN), 5);
      envelope.set(ephemeralPub, SHRED_REF_LEN);
      envelope.set(pool.subarray(offset, offset + NONCE_LEN), SHRED_REF_LEN + EPHEMERAL_LEN);
      const key = pool.slice(offset + NONCE_LEN + SHRED_ID_LEN, offset + PER_RECORD);
      // Spent randomness does not linger in the pool (the key lives on only in the shred file).
      pool.fill(0, offset, offset + PER_RECORD);
      offset += PER_RECORD;
      keyInput.set(key);
      keyInput.set(envelope.subarray(0, SHRED_REF_LEN), SHRED_KEY_LEN);
      recordKeys._cloneInto(recordHmac).update(keyInput).digestInto(recordKeyBuffer);
      keyInput.fill(0, 0, SHRED_KEY_LEN);
      aeadSeal(recordKeyBuffer, envelope.subarray(SHRED_REF_LEN + EPHEMERAL_LEN, SHRED_HEADER_LEN), plaintext, aad, envelope.subarray(SHRED_HEADER_LEN));
      recordKeyBuffer.fill(0);
      return { envelope, shred: { day, keyId: envelope.slice(5, SHRED_REF_LEN), key } };
    },
  };
}

/** Finds a shred key by its ref; undefined when it was deleted (the record is gone for good). */
export type ShredKeyLookup = (ref: ShredRef) => Uint8Array | undefined;

/** Opens v1, v2 and v3 envelopes; v2 and v3 need their shred key from `shredKeys`. */
export function createVaultOpener(recipientSecretKey: Uint8Array, shredKeys: ShredKeyLookup): Opener {
  const v1 = createOpener(recipientSecretKey);
  const batchKey = batchKeysOf(recipientSecretKey, HKDF_INFO_V2);
  return {
    open(envelope, aad) {
      if (envelope instanceof Uint8Array && envelope[0] === SEALED_V1) return v1.open(envelope, aad);
      const ref = shredRefOf(envelope);
      if (!ref) throw new SealedOpenError('not a sealed envelope');
      const shredKey = shredKeys(ref);
      if (!shredKey) throw new SealedOpenError('shred key deleted');
      const key = recordKey(envelope[0]!, batchKey(envelope.subarray(SHRED_REF_LEN, SHRED_REF_LEN + EPHEMERAL_LEN)), shredKey, envelope.subarray(0, SHRED_REF_LEN));
      const plaintext = aeadOpen(key, envelope.subarray(SHRED_REF_LEN + EPHEMERAL_LEN, SHRED_HEADER_LEN), envelope.subarray(SHRED_HEADER_LEN), aad);
      key.fill(0);
      if (!plaintext) throw new SealedOpenError('authentication failed');
      return plaintext;
    },
  };
}
