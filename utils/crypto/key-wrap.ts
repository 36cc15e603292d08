import { concatBytes, randomBytes, utf8ToBytes } from '@noble/hashes/utils.js';
import { scrypt } from '@noble/hashes/scrypt.js';
import { aeadOpen, aeadSeal } from './xchacha';

/**
 * Passphrase → wrapping key (scrypt) and key wrapping (XChaCha20-Poly1305).
 * Parameters are stored beside the wrapped keys so they can be raised later without losing
 * existing vaults.
 */
export interface ScryptParams {
  algorithm: 'scrypt';
  N: number;
  r: number;
  p: number;
  salt: Uint8Array;
}

/**
 * N = 2^16, r = 8, p = 1 (64 MiB): measured 300–330 ms per derivation on the build machine
 * (Node 20 / V8, 2 cores), inside the 250–500 ms target (bench/vault.bench.ts,
 * docs/decisions.md). 2^15 measured ~160 ms warm, too fast.
 */
export const DEFAULT_SCRYPT_COST = { N: 2 ** 16, r: 8, p: 1 } as const;
/** Tiny cost for unit tests only (the stored params make any cost readable). */
export const TEST_SCRYPT_COST = { N: 2 ** 10, r: 8, p: 1 } as const;

export function newScryptParams(cost: { N: number; r: number; p: number } = DEFAULT_SCRYPT_COST): ScryptParams {
  return { algorithm: 'scrypt', N: cost.N, r: cost.r, p: cost.p, salt: randomBytes(16) };
}

/**
 * NFKC first, so the same passphrase typed through different IMEs (full-width vs half-width
 * forms) derives the same key.
 */
export function deriveWrappingKey(passphrase: string, params: ScryptParams): Uint8Array {
  return scrypt(utf8ToBytes(passphrase.normalize('NFKC')), params.salt, { N: params.N, r: params.r, p: params.p, dkLen: 32 });
}

export const WRAPPED_V1 = 0x01;
const NONCE_LEN = 24;

export class UnwrapError extends Error {
  constructor() {
    super('wrong passphrase');
    this.name = 'UnwrapError';
  }
}

/** [version 0x01][24-byte nonce][ciphertext + tag]. */
export function wrapSecret(wrappingKey: Uint8Array, secret: Uint8Array, aad: Uint8Array): Uint8Array {
  const nonce = randomBytes(NONCE_LEN);
  return concatBytes(Uint8Array.of(WRAPPED_V1), nonce, aeadSeal(wrappingKey, nonce, secret, aad));
}

/** Throws UnwrapError for a wrong key (AEAD failure: the comparison is the tag check, constant-time). */
export function unwrapSecret(wrappingKey: Uint8Array, wrapped: Uint8Array, aad: Uint8Array): Uint8Array {
  if (wrapped[0] !== WRAPPED_V1 || wrapped.length < 1 + NONCE_LEN + 16) throw new UnwrapError();
  const secret = aeadOpen(wrappingKey, wrapped.subarray(1, 1 + NONCE_LEN), wrapped.subarray(1 + NONCE_LEN), aad);
  if (!secret) throw new UnwrapError();
  return secret;
}
