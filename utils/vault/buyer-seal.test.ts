import { utf8ToBytes } from '@noble/hashes/utils.js';
import { x25519 } from '@noble/curves/ed25519.js';
import { describe, expect, it } from 'vitest';
import { equalBytes } from '@noble/ciphers/utils.js';
import { createSealer, createShreddingSealer, createVaultOpener, sealedAad, type ShredRef } from '../crypto/sealed-box';
import { decodeBuyerPii, encodeBuyerPii, openBuyerRecord, sealBuyerPii, shredDaysOfRows } from './buyer-seal';
import { makePii } from '../../tests/support/vault-test-support';

describe('buyer PII layout', () => {
  it('round-trips every field, including nulls and CJK/emoji', () => {
    const pii = makePii('佐藤 花子 🌸', { phone: null, addressLine2: 'Bâtiment B, 3ème étage', district: 'Тверской', taxCode: 'X1234567L' });
    expect(decodeBuyerPii(encodeBuyerPii(pii))).toEqual(pii);
  });

  it('holds values only, no field names', () => {
    const text = new TextDecoder().decode(encodeBuyerPii(makePii('A')));
    expect(text.startsWith('[1,"A",')).toBe(true);
    expect(text).not.toContain('addressLine1');
  });

  it('rejects unknown layouts and malformed values', () => {
    expect(decodeBuyerPii(utf8ToBytes('[2,"A"]'))).toBeNull();
    expect(decodeBuyerPii(utf8ToBytes('{"name":"A"}'))).toBeNull();
    const wrongType = JSON.parse(new TextDecoder().decode(encodeBuyerPii(makePii('A')))) as unknown[];
    wrongType[1] = 42;
    expect(decodeBuyerPii(utf8ToBytes(JSON.stringify(wrongType)))).toBeNull();
  });

  it('a sealed record opens only under its own order number, with its shred key', () => {
    const secret = x25519.utils.randomSecretKey();
    const purgeAt = Date.UTC(2026, 11, 30, 15);
    const { sealed, shredKey } = sealBuyerPii(createShreddingSealer(x25519.getPublicKey(secret)), 'PO-1', makePii('Jürgen Weiß'), purgeAt);
    expect(shredKey).toMatchObject({ orderSn: 'PO-1', day: Math.floor(purgeAt / 86_400_000) });
    expect(shredDaysOfRows([{ sealed, pending: null }])).toEqual([shredKey.day]);
    const lookup = (ref: ShredRef) => (ref.day === shredKey.day && equalBytes(ref.keyId, shredKey.keyId) ? shredKey.key : undefined);
    const opener = createVaultOpener(secret, lookup);
    expect(openBuyerRecord(opener, { orderSn: 'PO-1', sealed })).toEqual({ state: 'ok', pii: makePii('Jürgen Weiß') });
    expect(openBuyerRecord(opener, { orderSn: 'PO-2', sealed })).toEqual({ state: 'cannot-decrypt' });
    expect(openBuyerRecord(createVaultOpener(x25519.utils.randomSecretKey(), lookup), { orderSn: 'PO-1', sealed })).toEqual({ state: 'cannot-decrypt' });
    // The shred key deleted: the vault private key alone no longer opens it.
    expect(
      openBuyerRecord(
        createVaultOpener(secret, () => undefined),
        { orderSn: 'PO-1', sealed },
      ),
    ).toEqual({ state: 'cannot-decrypt' });
  });

  it('seals records one after another without sharing bytes, also those larger than the encoding scratch', () => {
    const secret = x25519.utils.randomSecretKey();
    const sealer = createShreddingSealer(x25519.getPublicKey(secret));
    const purgeAt = Date.UTC(2026, 11, 30, 15);
    // Fields at their maximum length in 3-byte characters and control characters (6 bytes once
    // JSON-escaped): ~18,500 bytes, beyond the 16 KB scratch.
    const long = (n: number) => '\u0001王'.repeat(n / 2);
    const largest = makePii(long(500), { addressLine1: long(1000), addressLine2: long(1000), addressLine3: long(1000), city: long(200), state: long(200), district: long(200) });
    expect(encodeBuyerPii(largest).length).toBeGreaterThan(16_384);
    const names = ['Jürgen Weiß', '佐藤 花子 🌸', 'A'];
    const sealedRecords = [
      ...names.map((name, i) => ({ orderSn: `PO-${i}`, pii: makePii(name) })),
      { orderSn: 'PO-big', pii: largest },
      { orderSn: 'PO-after', pii: makePii('B') },
    ].map(({ orderSn, pii }) => ({ orderSn, pii, ...sealBuyerPii(sealer, orderSn, pii, purgeAt) }));
    const keysById = new Map(sealedRecords.map((r) => [Buffer.from(r.shredKey.keyId).toString('hex'), r.shredKey.key]));
    const opener = createVaultOpener(secret, (ref) => keysById.get(Buffer.from(ref.keyId).toString('hex')));
    for (const r of sealedRecords) expect(openBuyerRecord(opener, { orderSn: r.orderSn, sealed: r.sealed })).toEqual({ state: 'ok', pii: r.pii });
  });

  it('still opens legacy v1 records (sealed before shred keys) with the vault key alone', () => {
    const secret = x25519.utils.randomSecretKey();
    const sealed = createSealer(x25519.getPublicKey(secret)).seal(encodeBuyerPii(makePii('Li Lei')), sealedAad('buyers', 'PO-9'));
    expect(
      openBuyerRecord(
        createVaultOpener(secret, () => undefined),
        { orderSn: 'PO-9', sealed },
      ),
    ).toEqual({ state: 'ok', pii: makePii('Li Lei') });
  });
});
