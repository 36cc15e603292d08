import { describe, expect, it } from 'vitest';
import { readSessionAnswer } from './session-answer';

const ok = JSON.stringify({ success: true, error_code: 1000000, result: { parent_order_sn: 'PO-211-1', receipt_name: 'A' } });

describe('reading a seller-center answer to a bulk-fetch request', () => {
  it('accepts success answers (codes 0 and 1000000, either spelling)', () => {
    expect(readSessionAnswer('address', 200, ok)).toEqual({ ok: true });
    expect(readSessionAnswer('note', 200, '{"success":true,"errorCode":0,"result":true}')).toEqual({ ok: true });
    expect(readSessionAnswer('note', 200, '{"success":true}')).toEqual({ ok: true });
  });

  it.each([
    [403, ok, 'signature-required'],
    [429, ok, 'rate-limited'],
    [500, ok, 'http-error'],
    [302, null, 'http-error'],
    [0, null, 'network-error'],
    [-1, null, 'page-not-ready'],
  ] as const)('HTTP %i → %s', (status, text, reason) => {
    expect(readSessionAnswer('address', status, text)).toMatchObject({ ok: false, reason });
  });

  it.each([
    ['{"success":false,"error_code":40001,"error_msg":"Login expired"}', 'login-expired'],
    ['{"success":false,"errorCode":"40001"}', 'login-expired'],
    ['{"success":false,"errorCode":20002}', 'system-busy'],
    ['{"success":false,"error_code":54001,"error_msg":"anti-content verify failed"}', 'signature-required'],
    ['{"success":false,"error_code":1000001,"error_msg":"order not found"}', 'seller-center-error'],
    ['{"success":true,"error_code":777}', 'seller-center-error'],
    ['not json', 'malformed-answer'],
    ['[1,2]', 'malformed-answer'],
    ['null', 'malformed-answer'],
    ['{"success":true,"error_code":1000000,"result":null}', 'malformed-answer'],
  ] as const)('%s → %s', (text, reason) => {
    expect(readSessionAnswer('address', 200, text)).toMatchObject({ ok: false, reason });
  });

  it('needs a result only from the address query', () => {
    expect(readSessionAnswer('note', 200, '{"success":true,"result":null}')).toEqual({ ok: true });
    expect(readSessionAnswer('address', 200, null)).toMatchObject({ ok: false, reason: 'malformed-answer' });
  });

  it('never puts the answer text (possible personal data) in the detail', () => {
    const verdict = readSessionAnswer('address', 200, '{"success":false,"error_code":5,"error_msg":"Jordan Fictus, 100 Example Street"}');
    expect(verdict).toMatchObject({ ok: false, reason: 'seller-center-error' });
    expect(JSON.stringify(verdict)).not.toContain('Jordan');
  });
});
