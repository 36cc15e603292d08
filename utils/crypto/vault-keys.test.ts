import { describe, expect, it } from 'vitest';
import { TEST_SCRYPT_COST, UnwrapError } from './key-wrap';
import { generateVaultKeys, unwrapVaultKeys, wrapVaultKeys } from './vault-keys';

describe('vault key wrapping', () => {
  const keys = generateVaultKeys();

  it('unwraps with the right passphrase, NFKC-normalized', () => {
    const wrapped = wrapVaultKeys(keys, 'ｆｕｌｌ width 密码 passphrase', TEST_SCRYPT_COST);
    const opened = unwrapVaultKeys(wrapped, 'full width 密码 passphrase');
    expect(opened.secretKey).toEqual(keys.secretKey);
    expect(opened.dataKey).toEqual(keys.dataKey);
    expect(wrapped.kdf).toMatchObject({ algorithm: 'scrypt', N: TEST_SCRYPT_COST.N });
  });

  it('fails with a generic error for a wrong passphrase', () => {
    const wrapped = wrapVaultKeys(keys, 'right passphrase here', TEST_SCRYPT_COST);
    expect(() => unwrapVaultKeys(wrapped, 'wrong passphrase here')).toThrow(UnwrapError);
    expect(() => unwrapVaultKeys(wrapped, 'wrong passphrase here')).toThrow('wrong passphrase');
  });

  it('fails when the stored public key is swapped', () => {
    const wrapped = wrapVaultKeys(keys, 'right passphrase here', TEST_SCRYPT_COST);
    expect(() => unwrapVaultKeys({ ...wrapped, publicKey: generateVaultKeys().publicKey }, 'right passphrase here')).toThrow(UnwrapError);
  });

  it('uses a fresh salt on every wrap', () => {
    const a = wrapVaultKeys(keys, 'same passphrase', TEST_SCRYPT_COST);
    const b = wrapVaultKeys(keys, 'same passphrase', TEST_SCRYPT_COST);
    expect(a.kdf.salt).not.toEqual(b.kdf.salt);
    expect(a.wrapped).not.toEqual(b.wrapped);
  });
});
