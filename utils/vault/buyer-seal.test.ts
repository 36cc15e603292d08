import { utf8ToBytes } from '@noble/ciphers/utils.js';
import { x25519 } from '@noble/curves/ed25519.js';
import { describe, expect, it } from 'vitest';
import { createOpener, createSealer } from '../crypto/sealed-box';
import { decodeBuyerPii, encodeBuyerPii, openBuyerRecord, sealBuyerPii } from './buyer-seal';
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

  it('a sealed record opens only under its own order number', () => {
    const secret = x25519.utils.randomSecretKey();
    const sealed = sealBuyerPii(createSealer(x25519.getPublicKey(secret)), 'PO-1', makePii('Jürgen Weiß'));
    const opener = createOpener(secret);
    expect(openBuyerRecord(opener, { orderSn: 'PO-1', sealed })).toEqual({ state: 'ok', pii: makePii('Jürgen Weiß') });
    expect(openBuyerRecord(opener, { orderSn: 'PO-2', sealed })).toEqual({ state: 'cannot-decrypt' });
    expect(openBuyerRecord(createOpener(x25519.utils.randomSecretKey()), { orderSn: 'PO-1', sealed })).toEqual({ state: 'cannot-decrypt' });
  });
});
