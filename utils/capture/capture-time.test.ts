import { describe, expect, it } from 'vitest';
import { epochMsFromLocalString, epochMsFromNumber, pickTime } from './capture-time';

describe('capture times', () => {
  it('tells unix seconds from milliseconds', () => {
    expect(epochMsFromNumber(1_764_000_000)).toBe(1_764_000_000_000);
    expect(epochMsFromNumber(1_764_000_000_123)).toBe(1_764_000_000_123);
    expect(epochMsFromNumber(0)).toBeNull();
    expect(epochMsFromNumber(-5)).toBeNull();
    expect(epochMsFromNumber(Number.NaN)).toBeNull();
  });

  it('reads zone-less strings in the given zone, and zoned ISO strings as they say', () => {
    expect(epochMsFromLocalString('2026-11-25 08:00:00', 0)).toBe(Date.UTC(2026, 10, 25, 8));
    expect(epochMsFromLocalString('2026-11-25 08:00:00', -480)).toBe(Date.UTC(2026, 10, 25, 0));
    expect(epochMsFromLocalString('2026-11-25 08:00:00', 300)).toBe(Date.UTC(2026, 10, 25, 13));
    expect(epochMsFromLocalString('2026-11-25', 0)).toBe(Date.UTC(2026, 10, 25));
    expect(epochMsFromLocalString('2026-11-25T08:00:00Z', -480)).toBe(Date.UTC(2026, 10, 25, 8));
    expect(epochMsFromLocalString('25/11/2026', 0)).toBeNull();
    expect(epochMsFromLocalString('<b>soon</b>', 0)).toBeNull();
  });

  it('prefers the first usable candidate; digit strings count as numbers', () => {
    expect(pickTime([null, '', '1764000000'], 0)).toBe(1_764_000_000_000);
    expect(pickTime([undefined, '2026-11-25 08:00:00'], 0)).toBe(Date.UTC(2026, 10, 25, 8));
    expect(pickTime([1_764_000_000, '2020-01-01 00:00:00'], 0)).toBe(1_764_000_000_000);
    expect(pickTime(['garbage', {}], 0)).toBeNull();
  });
});
