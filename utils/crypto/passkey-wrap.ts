import { equalBytes } from '@noble/curves/utils.js';
import { bytesToHex, concatBytes, randomBytes, utf8ToBytes } from '@noble/hashes/utils.js';
import { x25519 } from '@noble/curves/ed25519.js';
import { hkdf } from '@noble/hashes/hkdf.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { unwrapSecret, UnwrapError, wrapSecret } from './key-wrap';
import type { VaultKeys } from './vault-keys';

/**
 * Passkey unlock (issue 15 item 8): a WebAuthn PRF output (32 bytes from the authenticator's
 * hmac-secret, evaluated on a per-passkey salt) → HKDF-SHA256 → a wrapping key → the same
 * `secretKey || dataKey` the passphrase wraps, XChaCha20-Poly1305. The PRF output itself is
 * never stored: without the authenticator (and its user verification) the wrap opens nothing.
 */
export const PRF_OUTPUT_LEN = 32;
export const PRF_SALT_LEN = 32;
const KDF_SALT_LEN = 32;
const HKDF_INFO = 'seller-vault/passkey-wrap/v1';

/** What is stored per passkey to open the vault keys (beside its id, label and times). */
export interface PasskeyWrap {
  /** Sent to the authenticator as the PRF input (`prf.eval.first`); not secret. */
  prfSalt: Uint8Array;
  /** HKDF salt; random per passkey, so two passkeys never share a wrapping key. */
  kdfSalt: Uint8Array;
  /** [0x01][nonce][secretKey || dataKey + tag]; associated data binds the vault public key and the credential. */
  wrapped: Uint8Array;
}

export function newPrfSalt(): Uint8Array {
  return randomBytes(PRF_SALT_LEN);
}

/** HKDF-SHA256(ikm = PRF output, salt = kdfSalt, info = label + NUL + credential id). */
export function derivePasskeyWrappingKey(prfOutput: Uint8Array, kdfSalt: Uint8Array, credentialIdHex: string): Uint8Array {
  if (prfOutput.length !== PRF_OUTPUT_LEN) throw new UnwrapError();
  return hkdf(sha256, prfOutput, kdfSalt, utf8ToBytes(`${HKDF_INFO}\u0000${credentialIdHex}`), 32);
}

function passkeyAad(publicKey: Uint8Array, credentialIdHex: string): Uint8Array {
  return utf8ToBytes(`seller-vault/passkey-keys/v1\u0000${bytesToHex(publicKey)}\u0000${credentialIdHex}`);
}

/** Wraps the vault keys for one passkey: fresh HKDF salt, the caller's PRF salt (the one the authenticator evaluated). */
export function wrapVaultKeysForPasskey(keys: VaultKeys, prfOutput: Uint8Array, prfSalt: Uint8Array, credentialIdHex: string): PasskeyWrap {
  const kdfSalt = randomBytes(KDF_SALT_LEN);
  const kek = derivePasskeyWrappingKey(prfOutput, kdfSalt, credentialIdHex);
  const wrapped = wrapSecret(kek, concatBytes(keys.secretKey, keys.dataKey), passkeyAad(keys.publicKey, credentialIdHex));
  kek.fill(0);
  return { prfSalt, kdfSalt, wrapped };
}

/** Throws UnwrapError (the same error as a wrong passphrase) when the PRF output does not open the wrap. */
export function unwrapVaultKeysWithPasskey(wrap: PasskeyWrap, publicKey: Uint8Array, prfOutput: Uint8Array, credentialIdHex: string): VaultKeys {
  const kek = derivePasskeyWrappingKey(prfOutput, wrap.kdfSalt, credentialIdHex);
  const plain = unwrapSecret(kek, wrap.wrapped, passkeyAad(publicKey, credentialIdHex));
  kek.fill(0);
  const secretKey = plain.slice(0, 32);
  const dataKey = plain.slice(32, 64);
  if (plain.length !== 64 || !equalBytes(x25519.getPublicKey(secretKey), publicKey)) throw new UnwrapError();
  return { publicKey, secretKey, dataKey };
}
