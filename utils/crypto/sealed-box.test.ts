import { bytesToUtf8, utf8ToBytes } from '@noble/ciphers/utils.js';
import { x25519 } from '@noble/curves/ed25519.js';
import { describe, expect, it } from 'vitest';
import { createOpener, createSealer, openWith, SEALED_V1, sealedAad, SealedOpenError, sealTo } from './sealed-box';

const recipient = x25519.utils.randomSecretKey();
const recipientPub = x25519.getPublicKey(recipient);
const aad = sealedAad('buyers', 'PO-211-01861395087993272');

describe('sealed box', () => {
  it.each([
    ['empty', ''],
    ['ascii', 'Jane Doe, 1 Main St'],
    ['CJK and emoji', '张伟 北京市朝阳区建国路88号 🏠📦 Łódź Ñandú Юлия'],
    ['long', `${'x'.repeat(200_000)}末`],
  ])('round-trips %s strings', (_label, text) => {
    const sealed = sealTo(recipientPub, utf8ToBytes(text), aad);
    expect(sealed[0]).toBe(SEALED_V1);
    expect(bytesToUtf8(openWith(recipient, sealed, aad))).toBe(text);
  });

  it('does not contain the plaintext and differs on every seal (random nonce)', () => {
    const text = 'Unique Buyer Name 12345';
    const a = sealTo(recipientPub, utf8ToBytes(text), aad);
    const b = sealTo(recipientPub, utf8ToBytes(text), aad);
    expect(Buffer.from(a).includes(Buffer.from(text))).toBe(false);
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(false);
  });

  it('binds the blob to table and order: moved to another order or table it does not open', () => {
    const sealed = sealTo(recipientPub, utf8ToBytes('addr'), aad);
    expect(() => openWith(recipient, sealed, sealedAad('buyers', 'PO-211-00000000000000001'))).toThrow(SealedOpenError);
    expect(() => openWith(recipient, sealed, sealedAad('requests', 'PO-211-01861395087993272'))).toThrow(SealedOpenError);
  });

  it('detects a single flipped bit anywhere in the envelope', () => {
    const sealed = sealTo(recipientPub, utf8ToBytes('Jane Doe'), aad);
    for (const index of [1, 20, 40, 60, sealed.length - 1]) {
      const tampered = sealed.slice();
      tampered[index]! ^= 0x01;
      expect(() => openWith(recipient, tampered, aad), `byte ${index}`).toThrow(SealedOpenError);
    }
  });

  it('refuses a wrong private key, a truncated envelope and an unknown version', () => {
    const sealed = sealTo(recipientPub, utf8ToBytes('Jane Doe'), aad);
    expect(() => openWith(x25519.utils.randomSecretKey(), sealed, aad)).toThrow(SealedOpenError);
    expect(() => openWith(recipient, sealed.subarray(0, 40), aad)).toThrow(SealedOpenError);
    const v2 = sealed.slice();
    v2[0] = 0x02;
    expect(() => openWith(recipient, v2, aad)).toThrow(/version/);
  });

  it('seals a batch under one ephemeral key and opens every record of it', () => {
    const sealer = createSealer(recipientPub);
    const blobs = ['a', 'b', 'c'].map((t, i) => sealer.seal(utf8ToBytes(t), sealedAad('buyers', `PO-${i}`)));
    expect(new Set(blobs.map((b) => Buffer.from(b.subarray(1, 33)).toString('hex'))).size).toBe(1);
    const opener = createOpener(recipient);
    expect(blobs.map((b, i) => bytesToUtf8(opener.open(b, sealedAad('buyers', `PO-${i}`))))).toEqual(['a', 'b', 'c']);
  });
});
