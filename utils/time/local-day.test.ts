import { describe, expect, it } from 'vitest';
import { endOfLocalDay } from './local-day';

describe('endOfLocalDay', () => {
  const noonUtc = Date.UTC(2026, 10, 25, 12, 0);

  it('is next midnight UTC for a UTC seller', () => {
    expect(endOfLocalDay(noonUtc, 0)).toBe(Date.UTC(2026, 10, 26, 0, 0));
  });

  it('follows the seller zone east of UTC (Shanghai, offset +480): 12:00Z is 20:00 local', () => {
    // Local midnight of 26 Nov in UTC+8 is 25 Nov 16:00Z.
    expect(endOfLocalDay(noonUtc, 480)).toBe(Date.UTC(2026, 10, 25, 16, 0));
  });

  it('follows the seller zone west of UTC (Los Angeles, offset -480): 12:00Z is 04:00 local', () => {
    expect(endOfLocalDay(noonUtc, -480)).toBe(Date.UTC(2026, 10, 26, 8, 0));
  });

  it('rolls over exactly at local midnight', () => {
    const localMidnight = Date.UTC(2026, 10, 25, 16, 0); // 00:00 on 26 Nov in UTC+8
    expect(endOfLocalDay(localMidnight - 1, 480)).toBe(localMidnight);
    expect(endOfLocalDay(localMidnight, 480)).toBe(localMidnight + 86_400_000);
  });
});
