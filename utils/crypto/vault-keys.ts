import { equalBytes } from '@noble/curves/utils.js';
import { bytesToHex, concatBytes, randomBytes, utf8ToBytes } from '@noble/hashes/utils.js';
import { x25519 } from '@noble/curves/ed25519.js';
import { deriveWrappingKey, newScryptParams, unwrapSecret, UnwrapError, wrapSecret, type ScryptParams } from './key-wrap';

/** The vault's secrets: X25519 pair (buyer PII is sealed to `publicKey`) and a 32-byte data key. */
export interface VaultKeys {
  publicKey: Uint8Array;
  secretKey: Uint8Array;
  /** Symmetric key for data the seller enters while unlocked (requests, incidents). */
  dataKey: Uint8Array;
}

/** What is stored (meta `vault`): nothing here opens anything without the passphrase. */
export interface WrappedVaultKeys {
  version: 1;
  kdf: ScryptParams;
  publicKey: Uint8Array;
  /** secretKey || dataKey, wrapped; associated data binds it to `publicKey`. */
  wrapped: Uint8Array;
}

export function generateVaultKeys(): VaultKeys {
  const secretKey = x25519.utils.randomSecretKey();
  return { secretKey, publicKey: x25519.getPublicKey(secretKey), dataKey: randomBytes(32) };
}

function wrapAad(publicKey: Uint8Array): Uint8Array {
  return utf8ToBytes(`seller-vault/keys/v1\u0000${bytesToHex(publicKey)}`);
}

/** Wraps the keys under a key derived from `passphrase` with fresh salt (set-up and passphrase change). */
export function wrapVaultKeys(keys: VaultKeys, passphrase: string, cost?: { N: number; r: number; p: number }): WrappedVaultKeys {
  const kdf = newScryptParams(cost);
  const kek = deriveWrappingKey(passphrase, kdf);
  const wrapped = wrapSecret(kek, concatBytes(keys.secretKey, keys.dataKey), wrapAad(keys.publicKey));
  kek.fill(0);
  return { version: 1, kdf, publicKey: keys.publicKey, wrapped };
}

/** Throws UnwrapError ("wrong passphrase") when the passphrase does not open the keys. */
export function unwrapVaultKeys(stored: WrappedVaultKeys, passphrase: string): VaultKeys {
  const kek = deriveWrappingKey(passphrase, stored.kdf);
  const plain = unwrapSecret(kek, stored.wrapped, wrapAad(stored.publicKey));
  kek.fill(0);
  const secretKey = plain.slice(0, 32);
  const dataKey = plain.slice(32, 64);
  // The tag already authenticates both halves; this guards against a swapped public key.
  if (!equalBytes(x25519.getPublicKey(secretKey), stored.publicKey)) throw new UnwrapError();
  return { publicKey: stored.publicKey, secretKey, dataKey };
}
