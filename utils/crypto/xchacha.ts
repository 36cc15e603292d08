import { ChaCha20Poly1305 } from '@stablelib/chacha20poly1305';
import { hchacha } from '@stablelib/xchacha20';
import { XChaCha20Poly1305 } from '@stablelib/xchacha20poly1305';

/**
 * XChaCha20-Poly1305 (draft-irtf-cfrg-xchacha) for every envelope and wrapped key, from @stablelib:
 * the same standard cipher as @noble/ciphers (sealed-box.test.ts checks both give the same bytes),
 * at about a third of the CPU per ~160-byte record — noble copies and re-validates every input on
 * each call, which is most of the cost at that size (issue 11: 10,000 captured addresses sealed in
 * 400 → 240 ms in Chromium, with the v3 record key). Noble stays for hashes, scrypt and curves.
 */
export function aeadSeal(key: Uint8Array, nonce: Uint8Array, plaintext: Uint8Array, aad: Uint8Array, out?: Uint8Array): Uint8Array {
  const aead = new XChaCha20Poly1305(key);
  try {
    return aead.seal(nonce, plaintext, aad, out);
  } finally {
    aead.clean();
  }
}

/** Plaintext, or null when the tag does not verify (wrong key, tampered bytes, other associated data). */
export function aeadOpen(key: Uint8Array, nonce: Uint8Array, sealed: Uint8Array, aad: Uint8Array): Uint8Array | null {
  const aead = new XChaCha20Poly1305(key);
  try {
    return aead.open(nonce, sealed, aad);
  } finally {
    aead.clean();
  }
}

const ZERO_NONCE = new Uint8Array(12);

/**
 * HChaCha20 (draft-irtf-cfrg-xchacha §2.2): 32-byte key and 16-byte input → 32 bytes into `out`.
 * XChaCha20's own subkey derivation, a PRF keyed by `key`; envelope v4 derives its record keys
 * with it (utils/crypto/sealed-box.ts).
 */
export function hchacha20(key: Uint8Array, input: Uint8Array, out: Uint8Array): Uint8Array {
  return hchacha(key, input, out);
}

/**
 * ChaCha20-Poly1305 (RFC 8439) under a key used for ONE message only, hence the all-zero nonce
 * (as age does with its per-file keys): envelope v4's record keys, one per record.
 */
export function singleUseSeal(key: Uint8Array, plaintext: Uint8Array, aad: Uint8Array, out?: Uint8Array): Uint8Array {
  const aead = new ChaCha20Poly1305(key);
  try {
    return aead.seal(ZERO_NONCE, plaintext, aad, out);
  } finally {
    aead.clean();
  }
}

/** Plaintext of a `singleUseSeal`, or null when the tag does not verify. */
export function singleUseOpen(key: Uint8Array, sealed: Uint8Array, aad: Uint8Array): Uint8Array | null {
  const aead = new ChaCha20Poly1305(key);
  try {
    return aead.open(ZERO_NONCE, sealed, aad);
  } finally {
    aead.clean();
  }
}
