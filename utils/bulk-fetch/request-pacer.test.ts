import { describe, expect, it } from 'vitest';
import { clampRequestInterval, createRequestPacer, DEFAULT_REQUEST_INTERVAL_MS, estimateTimeLeftMs } from './request-pacer';

describe('request pacer (injected clock)', () => {
  it('lets the first request out at once, then one per interval, measured from the last start', () => {
    const pacer = createRequestPacer(1000);
    expect(pacer.waitBefore(5000)).toBe(0);
    pacer.sent(5000);
    expect(pacer.waitBefore(5000)).toBe(1000);
    expect(pacer.waitBefore(5999)).toBe(1);
    expect(pacer.waitBefore(6000)).toBe(0);
    pacer.sent(6400); // late: the next one counts from here
    expect(pacer.waitBefore(7000)).toBe(400);
  });

  it('never lets two requests out together when the clock goes backwards', () => {
    const pacer = createRequestPacer(1000);
    pacer.sent(10_000);
    pacer.sent(9_000);
    expect(pacer.waitBefore(9_500)).toBe(1500);
  });

  it('can only be slowed down: faster, invalid or huge intervals are clamped', () => {
    expect(clampRequestInterval(250)).toBe(DEFAULT_REQUEST_INTERVAL_MS);
    expect(clampRequestInterval(0)).toBe(1000);
    expect(clampRequestInterval(-5)).toBe(1000);
    expect(clampRequestInterval(Number.NaN)).toBe(1000);
    expect(clampRequestInterval('5000')).toBe(1000);
    expect(clampRequestInterval(2500.2)).toBe(2501);
    expect(clampRequestInterval(10 * 60_000)).toBe(60_000);
    const pacer = createRequestPacer(10);
    pacer.sent(0);
    expect(pacer.waitBefore(10)).toBe(990);
  });

  it('estimates time left from the pace: two requests per order', () => {
    expect(estimateTimeLeftMs(50, 1000)).toBe(100_000);
    expect(estimateTimeLeftMs(3, 5000)).toBe(30_000);
    expect(estimateTimeLeftMs(0, 1000)).toBe(0);
    expect(estimateTimeLeftMs(-2, 1000)).toBe(0);
  });
});
