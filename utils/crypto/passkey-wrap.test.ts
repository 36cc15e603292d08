import { randomBytes } from '@noble/hashes/utils.js';
import { describe, expect, it } from 'vitest';
import { UnwrapError } from './key-wrap';
import { newPrfSalt, unwrapVaultKeysWithPasskey, wrapVaultKeysForPasskey } from './passkey-wrap';
import { generateVaultKeys } from './vault-keys';

describe('passkey wrap of the vault keys', () => {
  const keys = generateVaultKeys();
  const credA = 'a1'.repeat(16);
  const credB = 'b2'.repeat(16);

  it('opens the same key material with the same PRF output', () => {
    const prf = randomBytes(32);
    const wrap = wrapVaultKeysForPasskey(keys, prf, newPrfSalt(), credA);
    const opened = unwrapVaultKeysWithPasskey(wrap, keys.publicKey, prf.slice(), credA);
    expect(opened.secretKey).toEqual(keys.secretKey);
    expect(opened.dataKey).toEqual(keys.dataKey);
    expect(opened.publicKey).toEqual(keys.publicKey);
  });

  it('refuses a wrong PRF output with the wrong-passphrase error', () => {
    const prf = randomBytes(32);
    const wrap = wrapVaultKeysForPasskey(keys, prf, newPrfSalt(), credA);
    const wrong = prf.slice();
    wrong[0]! ^= 1;
    expect(() => unwrapVaultKeysWithPasskey(wrap, keys.publicKey, wrong, credA)).toThrow(UnwrapError);
    expect(() => unwrapVaultKeysWithPasskey(wrap, keys.publicKey, prf.subarray(0, 31), credA)).toThrow(UnwrapError);
  });

  it('refuses a tampered wrap, a swapped credential id and another vault public key', () => {
    const prf = randomBytes(32);
    const wrap = wrapVaultKeysForPasskey(keys, prf, newPrfSalt(), credA);
    for (const at of [1, 30, wrap.wrapped.length - 1]) {
      const tampered = wrap.wrapped.slice();
      tampered[at]! ^= 0x80;
      expect(() => unwrapVaultKeysWithPasskey({ ...wrap, wrapped: tampered }, keys.publicKey, prf, credA)).toThrow(UnwrapError);
    }
    const salt = wrap.kdfSalt.slice();
    salt[0]! ^= 1;
    expect(() => unwrapVaultKeysWithPasskey({ ...wrap, kdfSalt: salt }, keys.publicKey, prf, credA)).toThrow(UnwrapError);
    expect(() => unwrapVaultKeysWithPasskey(wrap, keys.publicKey, prf, credB)).toThrow(UnwrapError);
    expect(() => unwrapVaultKeysWithPasskey(wrap, generateVaultKeys().publicKey, prf, credA)).toThrow(UnwrapError);
  });

  it('keeps two passkeys independent: each opens only with its own PRF output', () => {
    const prfA = randomBytes(32);
    const prfB = randomBytes(32);
    const wrapA = wrapVaultKeysForPasskey(keys, prfA, newPrfSalt(), credA);
    const wrapB = wrapVaultKeysForPasskey(keys, prfB, newPrfSalt(), credB);
    expect(wrapA.kdfSalt).not.toEqual(wrapB.kdfSalt);
    expect(unwrapVaultKeysWithPasskey(wrapB, keys.publicKey, prfB, credB).secretKey).toEqual(keys.secretKey);
    expect(() => unwrapVaultKeysWithPasskey(wrapA, keys.publicKey, prfB, credA)).toThrow(UnwrapError);
    expect(() => unwrapVaultKeysWithPasskey(wrapB, keys.publicKey, prfA, credB)).toThrow(UnwrapError);
    // The same PRF output on two passkeys still gives two different wrapping keys (own HKDF salt).
    const wrapA2 = wrapVaultKeysForPasskey(keys, prfA, newPrfSalt(), credA);
    expect(() => unwrapVaultKeysWithPasskey({ ...wrapA2, kdfSalt: wrapA.kdfSalt }, keys.publicKey, prfA, credA)).toThrow(UnwrapError);
  });

  it('never stores the PRF output', () => {
    const prf = randomBytes(32);
    const wrap = wrapVaultKeysForPasskey(keys, prf, newPrfSalt(), credA);
    const hex = (b: Uint8Array) => Buffer.from(b).toString('hex');
    for (const part of [wrap.prfSalt, wrap.kdfSalt, wrap.wrapped]) expect(hex(part)).not.toContain(hex(prf));
  });
});
