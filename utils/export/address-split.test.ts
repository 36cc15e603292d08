import { describe, expect, it } from 'vitest';
import { splitAddressLines } from './address-split';

describe('splitAddressLines', () => {
  it('keeps a short line 1 and joins the rest into line 2', () => {
    expect(splitAddressLines('1 Main St', ['Apt 2', '', 'Floor 3'], 35)).toEqual({ line1: '1 Main St', line2: 'Apt 2, Floor 3' });
  });

  it('breaks at the last space or comma within the limit', () => {
    const result = splitAddressLines('Hauptstraße 123, Hinterhaus, 3. Etage links', ['c/o Müller'], 35);
    expect(result.line1).toBe('Hauptstraße 123, Hinterhaus, 3.');
    expect(result.line2).toBe('Etage links, c/o Müller');
  });

  it('cuts CJK or one long word at exactly the limit, counting code points', () => {
    const cjk = '北京市朝阳区建国路88号现代城小区5号楼2单元1501室东侧入口旁边的小门';
    const result = splitAddressLines(cjk, [], 35);
    expect(Array.from(result.line1)).toHaveLength(35);
    expect(result.line1 + result.line2).toBe(cjk);
    const word = 'x'.repeat(50);
    expect(splitAddressLines(word, [], 35)).toEqual({ line1: 'x'.repeat(35), line2: 'x'.repeat(15) });
  });

  it('handles a line of exactly the limit and a space right after it', () => {
    const exact = 'a'.repeat(35);
    expect(splitAddressLines(exact, [], 35)).toEqual({ line1: exact, line2: '' });
    expect(splitAddressLines(`${exact} tail`, [], 35)).toEqual({ line1: exact, line2: 'tail' });
  });
});
