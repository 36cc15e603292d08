import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { errorKindOfCode, errorKindOfStatus, isPerOrder, isRetryable } from './open-api-errors';

const shape = (name: string) => JSON.parse(readFileSync(new URL(`../../tests/fixtures/seller-center-shapes/${name}`, import.meta.url), 'utf8'));

describe('Open API error mapping', () => {
  it('maps the documented error answers to what the seller is told', () => {
    expect(errorKindOfCode(shape('openapi-error-token-expired.json').errorCode)).toBe('token-expired');
    expect(errorKindOfCode(shape('openapi-error-sign-invalid.json').errorCode)).toBe('sign-invalid');
    expect(errorKindOfCode(shape('openapi-error-rate-limit.json').errorCode)).toBe('rate-limited');
    expect(errorKindOfCode(shape('openapi-error-timestamp-expired.json').errorCode)).toBe('timestamp');
    expect(errorKindOfCode(shape('openapi-error-no-permission.json').errorCode)).toBe('no-permission');
    expect(errorKindOfCode(3000031)).toBe('token-invalid');
    expect(errorKindOfCode(5000003)).toBe('ip-not-allowed');
    expect(errorKindOfCode(123456)).toBe('api-error');
  });

  it('retries the rate limit, a busy gateway and network failures; nothing about credentials', () => {
    expect(isRetryable(errorKindOfCode(4000004))).toBe(true);
    expect(isRetryable(errorKindOfCode(4000000))).toBe(true);
    expect(isRetryable('network')).toBe(true);
    expect(isRetryable(errorKindOfStatus(429))).toBe(true);
    expect(isRetryable(errorKindOfStatus(503))).toBe(true);
    expect(isRetryable(errorKindOfStatus(403))).toBe(false);
    for (const code of [3000001, 3000034, 3000032, 3000012, 5000003]) expect(isRetryable(errorKindOfCode(code))).toBe(false);
  });

  it('an unknown or not-yet-ready order fails that order only', () => {
    expect(isPerOrder(errorKindOfCode(140020002))).toBe(true);
    expect(isPerOrder(errorKindOfCode(140020009))).toBe(true);
    expect(isPerOrder(errorKindOfCode(3000034))).toBe(false);
  });
});
