import { chacha20poly1305, hchacha, xchacha20poly1305 } from '@noble/ciphers/chacha.js';
import { concatBytes, utf8ToBytes } from '@noble/hashes/utils.js';
import { hkdf } from '@noble/hashes/hkdf.js';
import { hmac } from '@noble/hashes/hmac.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { x25519 } from '@noble/curves/ed25519.js';
import { describe, expect, it } from 'vitest';
import { XChaCha20Poly1305 } from '@stablelib/xchacha20poly1305';
import fc from 'fast-check';
import {
  createOpener,
  createSealer,
  createShreddingSealer,
  createVaultOpener,
  openWith,
  SEALED_V1,
  SEALED_V2,
  SEALED_V3,
  SEALED_V4,
  sealedAad,
  SealedOpenError,
  sealTo,
  shredRefOf,
} from './sealed-box';
import { utf8Text } from './utf8';
import { hchacha20, singleUseOpen, singleUseSeal } from './xchacha';

/** HChaCha20 from noble's primitive (words in, words out; little-endian like the spec). */
function nobleHChaCha(key: Uint8Array, input: Uint8Array): Uint8Array {
  const out = new Uint32Array(8);
  hchacha(new Uint32Array([0x61707865, 0x3320646e, 0x79622d32, 0x6b206574]), new Uint32Array(key.slice().buffer), new Uint32Array(input.slice().buffer), out);
  return new Uint8Array(out.buffer);
}

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
    expect(utf8Text(openWith(recipient, sealed, aad))).toBe(text);
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
    expect(blobs.map((b, i) => utf8Text(opener.open(b, sealedAad('buyers', `PO-${i}`))))).toEqual(['a', 'b', 'c']);
  });
});

describe('sealed box v4 (shred keys)', () => {
  const sealOne = (text: string, day = 20_450) => createShreddingSealer(recipientPub).seal(utf8ToBytes(text), aad, day);

  it('round-trips with its shred key and names where the key is filed', () => {
    const { envelope, shred } = sealOne('张伟 北京市朝阳区');
    expect(envelope[0]).toBe(SEALED_V4);
    expect(shredRefOf(envelope)).toEqual({ day: 20_450, keyId: shred.keyId });
    const opener = createVaultOpener(recipient, (ref) => (ref.day === shred.day ? shred.key : undefined));
    expect(utf8Text(opener.open(envelope, aad))).toBe('张伟 北京市朝阳区');
  });

  it('does not open without its shred key, with another record’s key, or with a header edited', () => {
    const a = sealOne('first');
    const b = sealOne('second');
    expect(() => createVaultOpener(recipient, () => undefined).open(a.envelope, aad)).toThrow(SealedOpenError);
    expect(() => createVaultOpener(recipient, () => b.shred.key).open(a.envelope, aad)).toThrow(SealedOpenError);
    const movedDay = a.envelope.slice();
    movedDay[4] = movedDay[4]! ^ 1; // the header is authenticated (associated data)
    expect(() => createVaultOpener(recipient, () => a.shred.key).open(movedDay, aad)).toThrow(SealedOpenError);
    expect(() => createVaultOpener(x25519.utils.randomSecretKey(), () => a.shred.key).open(a.envelope, aad)).toThrow(SealedOpenError);
  });

  it('writes the documented v4 layout, opened here from the spec alone (noble primitives), with fresh randomness per record', () => {
    const sealer = createShreddingSealer(recipientPub);
    const plaintext = utf8ToBytes('Łukasz 王小明, 12 Rue de la Paix');
    const records = Array.from({ length: 600 }, () => sealer.seal(plaintext, aad, 0x01020304)); // crosses a 512-record pool
    const first = records[0]!;
    const { envelope, shred } = first;
    expect(envelope.length).toBe(53 + plaintext.length + 16);
    expect([...envelope.subarray(0, 5)]).toEqual([SEALED_V4, 1, 2, 3, 4]);
    expect(envelope.subarray(5, 21)).toEqual(shred.keyId);
    // batchInput = HKDF-SHA256(X25519(recipient, ephemeral), ephemeralPub || recipientPub, "seller-vault/sealed/v4", 16);
    // record key = HChaCha20(shredKey, batchInput); ChaCha20-Poly1305, zero nonce, AAD = header[0..21) || aad.
    const ephemeralPub = envelope.subarray(21, 53);
    const batchInput = hkdf(sha256, x25519.getSharedSecret(recipient, ephemeralPub), concatBytes(ephemeralPub, recipientPub), utf8ToBytes('seller-vault/sealed/v4'), 16);
    // Every record, not just the first: the sealer reuses its key and associated-data buffers.
    for (const record of records) {
      const recordKey = nobleHChaCha(record.shred.key, batchInput);
      expect(chacha20poly1305(recordKey, new Uint8Array(12), concatBytes(record.envelope.subarray(0, 21), aad)).decrypt(record.envelope.subarray(53))).toEqual(plaintext);
    }
    // Key ids and shred keys never repeat within the batch (each record key seals one message); one ephemeral key for all.
    const hex = (b: Uint8Array) => Buffer.from(b).toString('hex');
    for (const part of [(r: typeof first) => r.shred.keyId, (r: typeof first) => r.shred.key]) {
      expect(new Set(records.map((r) => hex(part(r)))).size).toBe(records.length);
    }
    expect(new Set(records.map((r) => hex(r.envelope.subarray(21, 53)))).size).toBe(1);
  });

  it('still opens v3 envelopes (record key HMAC-SHA256(batchKey, shredKey || ref), XChaCha20-Poly1305); relabelled between v3 and v4 neither opens', () => {
    // A v3 envelope as the previous build wrote it, made here from the spec with noble alone.
    const ephemeralSecret = x25519.utils.randomSecretKey();
    const ephemeralPub = x25519.getPublicKey(ephemeralSecret);
    const batchKey = hkdf(sha256, x25519.getSharedSecret(ephemeralSecret, recipientPub), concatBytes(ephemeralPub, recipientPub), utf8ToBytes('seller-vault/sealed/v2'), 32);
    const shredKey = x25519.utils.randomSecretKey();
    const ref = Uint8Array.of(SEALED_V3, 0, 0, 0x4f, 0xe2, ...new Uint8Array(16).fill(5));
    const nonce = new Uint8Array(24).fill(3);
    const plaintext = utf8ToBytes('张伟, 88 Jianguo Rd');
    const v3 = concatBytes(ref, ephemeralPub, nonce, xchacha20poly1305(hmac(sha256, batchKey, concatBytes(shredKey, ref)), nonce, aad).encrypt(plaintext));
    expect(shredRefOf(v3)).toEqual({ day: 0x4fe2, keyId: ref.subarray(5) });
    expect(createVaultOpener(recipient, () => shredKey).open(v3, aad)).toEqual(plaintext);
    const v3AsV4 = v3.slice();
    v3AsV4[0] = SEALED_V4;
    expect(() => createVaultOpener(recipient, () => shredKey).open(v3AsV4, aad)).toThrow(SealedOpenError);
    const { envelope, shred } = sealOne('x'.repeat(40));
    const v4AsV3 = envelope.slice();
    v4AsV3[0] = SEALED_V3;
    expect(() => createVaultOpener(recipient, () => shred.key).open(v4AsV3, aad)).toThrow(SealedOpenError);
  });

  it('its HChaCha20 and single-use ChaCha20-Poly1305 (@stablelib) give the same bytes as @noble/ciphers', () => {
    const bytes = (n: number) => fc.uint8Array({ minLength: n, maxLength: n });
    fc.assert(
      fc.property(bytes(32), bytes(16), fc.uint8Array({ maxLength: 700 }), fc.uint8Array({ maxLength: 64 }), (key, input, plaintext, ad) => {
        const derived = hchacha20(key, input, new Uint8Array(32));
        expect(derived).toEqual(nobleHChaCha(key, input));
        const noble = chacha20poly1305(derived, new Uint8Array(12), ad).encrypt(plaintext);
        expect(singleUseSeal(derived, plaintext, ad)).toEqual(noble);
        expect(singleUseOpen(derived, noble, ad)).toEqual(plaintext);
      }),
      { numRuns: 300 },
    );
  });

  it('still opens v2 envelopes (record key HMAC-SHA256(shredKey, batchKey || ref)), and a v2 byte on a v4 envelope does not open', () => {
    // A v2 envelope as the previous build wrote it, made here from the spec with noble alone.
    const ephemeralSecret = x25519.utils.randomSecretKey();
    const ephemeralPub = x25519.getPublicKey(ephemeralSecret);
    const batchKey = hkdf(sha256, x25519.getSharedSecret(ephemeralSecret, recipientPub), concatBytes(ephemeralPub, recipientPub), utf8ToBytes('seller-vault/sealed/v2'), 32);
    const shredKey = x25519.utils.randomSecretKey();
    const ref = Uint8Array.of(SEALED_V2, 0, 0, 0x4f, 0xe2, ...new Uint8Array(16).fill(7));
    const nonce = new Uint8Array(24).fill(9);
    const plaintext = utf8ToBytes('王小明, 12 Rue de la Paix');
    const v2 = concatBytes(ref, ephemeralPub, nonce, xchacha20poly1305(hmac(sha256, shredKey, concatBytes(batchKey, ref)), nonce, aad).encrypt(plaintext));
    expect(shredRefOf(v2)).toEqual({ day: 0x4fe2, keyId: ref.subarray(5) });
    expect(createVaultOpener(recipient, () => shredKey).open(v2, aad)).toEqual(plaintext);
    // The version byte chooses the derivation: relabelled, neither opens.
    const { envelope, shred } = sealOne('x');
    const relabelled = envelope.slice();
    relabelled[0] = SEALED_V2;
    expect(() => createVaultOpener(recipient, () => shred.key).open(relabelled, aad)).toThrow(SealedOpenError);
    const v2AsV3 = v2.slice();
    v2AsV3[0] = SEALED_V3;
    expect(() => createVaultOpener(recipient, () => shredKey).open(v2AsV3, aad)).toThrow(SealedOpenError);
  });

  it('its XChaCha20-Poly1305 (@stablelib) gives the same bytes as @noble/ciphers and opens what noble seals', () => {
    const bytes = (n: number) => fc.uint8Array({ minLength: n, maxLength: n });
    fc.assert(
      fc.property(bytes(32), bytes(24), fc.uint8Array({ maxLength: 700 }), fc.uint8Array({ maxLength: 64 }), (key, nonce, plaintext, ad) => {
        const noble = xchacha20poly1305(key, nonce, ad).encrypt(plaintext);
        expect(new XChaCha20Poly1305(key).seal(nonce, plaintext, ad)).toEqual(noble);
        expect(new XChaCha20Poly1305(key).open(nonce, noble, ad)).toEqual(plaintext);
      }),
      { numRuns: 300 },
    );
  });

  it('refuses days it cannot file and envelopes too short to hold a header', () => {
    expect(() => sealOne('x', -1)).toThrow(RangeError);
    expect(() => sealOne('x', 2 ** 32)).toThrow(RangeError);
    expect(shredRefOf(Uint8Array.of(SEALED_V3, 0, 0))).toBeNull();
    expect(shredRefOf(Uint8Array.of(SEALED_V4, ...new Uint8Array(67)))).toBeNull();
    expect(shredRefOf(Uint8Array.of(SEALED_V4, ...new Uint8Array(68)))).not.toBeNull();
    expect(() => createVaultOpener(recipient, () => new Uint8Array(32)).open(Uint8Array.of(SEALED_V4, ...new Uint8Array(68)), aad)).toThrow(SealedOpenError);
    expect(() => createVaultOpener(recipient, () => undefined).open(Uint8Array.of(SEALED_V3), aad)).toThrow(SealedOpenError);
    expect(() => createVaultOpener(recipient, () => new Uint8Array(32)).open(Uint8Array.of(SEALED_V2, ...new Uint8Array(92)), aad)).toThrow(SealedOpenError);
  });
});
