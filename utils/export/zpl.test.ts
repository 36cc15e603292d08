import { describe, expect, it } from 'vitest';
import { label, longLabel, scriptLabels } from '../../tests/support/label-test-data';
import { blockFieldData, escapeFieldData, renderLabelsZpl } from './zpl';

describe('renderLabelsZpl', () => {
  it('emits one ^XA…^XZ block per label with ^CI28 and a ^BC barcode of the order number', () => {
    const zpl = renderLabelsZpl([label({ orderSn: 'PO-211-111' }), label({ orderSn: 'PO-211-222' })]);
    const blocks = zpl.split('^XZ').filter((b) => b.trim());
    expect(blocks).toHaveLength(2);
    blocks.forEach((block, i) => {
      expect(block.trimStart().startsWith('^XA')).toBe(true);
      expect(block).toContain('^CI28');
      expect(block).toMatch(new RegExp(`\\^BCN,\\d+,N,N,N,A\\^FH_\\^FD${['PO-211-111', 'PO-211-222'][i]}\\^FS`));
      expect(block).toContain('^PW812');
      expect(block).toContain('^LL1218');
    });
  });

  it('keeps names in every script as UTF-8 field data', () => {
    const zpl = renderLabelsZpl(scriptLabels());
    for (const name of ['Łukasz Wójcik', 'Иван Петров', 'Γιώργος Παπαδόπουλος', '王小明', 'Jürgen Weiß']) expect(zpl).toContain(name);
  });

  it('turns ZPL control characters in captured text into hex escapes (no command injection)', () => {
    const zpl = renderLabelsZpl([label({}, { name: 'Evil^XZ^XA~JA_x', addressLine1: 'a\\&b' })]);
    expect(zpl).toContain('Evil_5EXZ_5EXA_7EJA_5Fx');
    expect(zpl).not.toContain('Evil^');
    expect(zpl.match(/\^XA/g)).toHaveLength(1);
    expect(zpl).toContain('a\\\\&b');
  });

  it('escapes in the right order', () => {
    expect(escapeFieldData('_^~')).toBe('_5F_5E_7E');
    expect(blockFieldData(['one', 'two\\'])).toBe('one\\&two\\\\');
  });

  it('cuts overlong fields to the field block instead of overprinting', () => {
    const zpl = renderLabelsZpl([longLabel()]);
    const nameField = zpl.split('\n').find((line) => line.includes('^A0N,44,44'))!;
    expect(nameField).toContain('...');
    const data = /\^FD(.*)\^FS/.exec(nameField)![1]!;
    // 2 lines of at most floor(752 / (0.55 * 44)) = 31 characters.
    expect(Array.from(data).length).toBeLessThanOrEqual(62);
  });

  it('uses a printer-resident Unicode font when asked', () => {
    expect(renderLabelsZpl([label()], { printerFont: 'E:TT0003M_.TTF' })).toContain('^A@N,44,44,E:TT0003M_.TTF');
  });

  it('rejects an order number Code 128 cannot hold', () => {
    expect(() => renderLabelsZpl([label({ orderSn: 'PO-Ł' })])).toThrow(/Code 128/);
    expect(() => renderLabelsZpl([])).toThrow(/No orders/);
  });
});
