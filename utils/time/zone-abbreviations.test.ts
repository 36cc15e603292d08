import { describe, expect, it } from 'vitest';
import { isUtcOffsetMinutes } from './utc-offset';
import { knownZoneAbbreviations, offsetsForZoneAbbreviation } from './zone-abbreviations';

describe('offsetsForZoneAbbreviation', () => {
  it.each([
    ['PKT', [300]],
    ['NPT', [345]],
    ['JST', [540]],
    ['CET', [60]],
    ['CEST', [120]],
    ['GMT', [0]],
    ['NST', [-210]],
    ['ACDT', [630]],
  ])('%s is exact: %j', (abbr, offsets) => {
    expect(offsetsForZoneAbbreviation(abbr)).toEqual(offsets);
  });

  it.each([
    ['CST', [-360, -300, 480]],
    ['PST', [-480, 480]],
    ['IST', [60, 120, 330]],
    ['BST', [60, 360, 660]],
    ['AST', [-240, 180]],
  ])('%s is ambiguous: %j', (abbr, offsets) => {
    expect([...(offsetsForZoneAbbreviation(abbr) ?? [])].sort((a, b) => a - b)).toEqual(offsets);
  });

  it('is case-insensitive and null for unknown names', () => {
    expect(offsetsForZoneAbbreviation('pkt')).toEqual([300]);
    expect(offsetsForZoneAbbreviation('ChST')).toEqual([600]);
    for (const name of ['XYZT', '', 'constructor', '__proto__', 'toString', 'Asia/Karachi', 'P'.repeat(100)]) {
      expect(offsetsForZoneAbbreviation(name)).toBeNull();
    }
  });

  it('every listed offset is inside UTC-12..UTC+14, without duplicates, and the lists are frozen', () => {
    const names = knownZoneAbbreviations();
    expect(names.length).toBeGreaterThan(50);
    for (const name of names) {
      const offsets = offsetsForZoneAbbreviation(name)!;
      expect(offsets.length).toBeGreaterThan(0);
      expect(new Set(offsets).size).toBe(offsets.length);
      for (const o of offsets) expect(isUtcOffsetMinutes(o), `${name} ${o}`).toBe(true);
      expect(Object.isFrozen(offsets)).toBe(true);
      expect(name).toMatch(/^[A-Z]{1,5}$/);
    }
  });
});
