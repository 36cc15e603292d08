import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { label, SCRIPT_SAMPLES, scriptLabels } from '../../tests/support/label-test-data';
import { CSV_FIELDS, renderCsv, UTF8_BOM } from './csv-presets';
import { neutralizeCsvCell } from './csv-safety';

/** Parses with papaparse's parser (independent of the unparse path under test). */
function parse(csv: string): Record<string, string>[] {
  expect(csv.startsWith(UTF8_BOM)).toBe(true);
  const result = Papa.parse<Record<string, string>>(csv.slice(1), { header: true, skipEmptyLines: true, delimiter: ',' });
  expect(result.errors).toEqual([]);
  return result.data;
}

describe('renderCsv', () => {
  it('generic: every documented field, one row per order, values round-trip', () => {
    const labels = [
      label({ orderSn: 'PO-1' }),
      label(
        {
          orderSn: 'PO-2',
          items: [
            { sku: 'A', title: 'Cup, "big"', spec: null, quantity: 1 },
            { sku: 'B', title: 'Lid\nnew', spec: 'x', quantity: 3 },
          ],
        },
        { addressLine2: 'Line, with "quotes"' },
      ),
    ];
    const rows = parse(renderCsv(labels, { preset: 'generic' }));
    expect(Object.keys(rows[0]!)).toEqual(Object.keys(CSV_FIELDS));
    expect(rows).toHaveLength(2);
    expect(rows[1]!.orderSn).toBe('PO-2');
    expect(rows[1]!.addressLine2).toBe('Line, with "quotes"');
    expect(rows[1]!.itemTitles).toBe('Cup, "big"; Lid\nnew');
    expect(rows[1]!.totalQuantity).toBe('4');
    expect(rows[1]!.skus).toBe('A; B');
    expect(rows[0]!.shipBy).toBe('2026-11-27');
    expect(rows[0]!.countryCode).toBe('US');
  });

  it('uses CRLF row ends and quotes only where RFC 4180 needs it', () => {
    const csv = renderCsv([label({}, { addressLine2: 'a,b' })], { preset: 'shippingeasy' });
    expect(csv.split('\r\n')).toHaveLength(3);
    expect(csv).toContain(',"a,b",');
    expect(csv).toContain(',Springfield,');
  });

  it('shippingeasy: headers and values', () => {
    const csv = renderCsv([label({}, { addressLine3: 'Floor 3', district: 'Downtown' })], { preset: 'shippingeasy' });
    const [row] = parse(csv);
    expect(Object.keys(row!).slice(0, 9)).toEqual(['Order Number', 'Full Name', 'Address Line 1', 'Address Line 2', 'City', 'State', 'Postal Code', 'Country', 'Phone']);
    expect(row!['Full Name']).toBe('Jane Doe');
    expect(row!['Address Line 2']).toBe('Apt 2, Floor 3, Downtown');
    expect(row!.Country).toBe('US');
    // A cell that is only a phone number is kept as it is (issue 14).
    expect(row!.Phone).toBe('+1 555 0100');
  });

  it('shipandco: name split, 35-character address line, ISO country code', () => {
    const labels = [
      label({}, { name: 'Anna Maria Schmidt', addressLine1: 'Hauptstraße 123, Hinterhaus, 3. Etage links', addressLine2: 'c/o Müller', country: 'Germany', countryCode: null }),
      label({}, { name: '王小明', addressLine1: '北京市朝阳区建国路88号现代城小区5号楼2单元1501室东侧入口旁边的小门', addressLine2: null, country: '中国', countryCode: null }),
      label({}, { name: '欧阳娜娜', country: 'Neverland', countryCode: null }),
    ];
    const rows = parse(renderCsv(labels, { preset: 'shipandco' }));
    expect(Object.keys(rows[0]!)).toEqual([
      'OrderName',
      'RecipientFirstName',
      'RecipientLastName',
      'RecipientAddress1',
      'RecipientAddress2',
      'RecipientCity',
      'RecipientProvince',
      'RecipientZIP',
      'RecipientCountryCode',
      'RecipientPhone',
      'RecipientMail',
    ]);
    expect([rows[0]!.RecipientFirstName, rows[0]!.RecipientLastName]).toEqual(['Anna Maria', 'Schmidt']);
    expect(rows[0]!.RecipientAddress1).toBe('Hauptstraße 123, Hinterhaus, 3.');
    expect(rows[0]!.RecipientAddress2).toBe('Etage links, c/o Müller');
    expect(rows[0]!.RecipientCountryCode).toBe('DE');
    expect([rows[1]!.RecipientFirstName, rows[1]!.RecipientLastName]).toEqual(['小明', '王']);
    expect(Array.from(rows[1]!.RecipientAddress1!)).toHaveLength(35);
    expect(rows[1]!.RecipientAddress1! + rows[1]!.RecipientAddress2!).toBe('北京市朝阳区建国路88号现代城小区5号楼2单元1501室东侧入口旁边的小门');
    expect(rows[1]!.RecipientCountryCode).toBe('CN');
    expect([rows[2]!.RecipientFirstName, rows[2]!.RecipientLastName]).toEqual(['娜娜', '欧阳']);
    expect(rows[2]!.RecipientCountryCode).toBe('');
    for (const row of rows) expect(Array.from(row.RecipientAddress1!).length).toBeLessThanOrEqual(35);
  });

  it('custom: seller-chosen headers and fields, unknown fields refused', () => {
    const customColumns = [
      { header: '收件人', field: 'fullName' },
      { header: 'Ref', field: 'orderSn' },
      { header: 'Units', field: 'totalQuantity' },
    ];
    const rows = parse(renderCsv(scriptLabels(), { preset: 'custom', customColumns }));
    expect(Object.keys(rows[0]!)).toEqual(['收件人', 'Ref', 'Units']);
    expect(rows.map((r) => r.收件人)).toEqual(SCRIPT_SAMPLES.map((s) => s.name));
    expect(() => renderCsv([label()], { preset: 'custom', customColumns: [{ header: 'x', field: 'password' }] })).toThrow(/Unknown CSV field.*password/);
    expect(() => renderCsv([label()], { preset: 'custom', customColumns: [] })).toThrow(/No custom CSV columns/);
  });

  it('neutralizes formula-like cells from captured data and custom headers', () => {
    const evil = ['=HYPERLINK("http://x","y")', '+SUM(1)', '-2+3', '@cmd', '\tTAB', '\rCR'];
    const labels = evil.map((name, i) => label({ orderSn: `PO-${i}` }, { name, addressLine1: name }));
    const rows = parse(
      renderCsv(labels, {
        preset: 'custom',
        customColumns: [
          { header: '=bad', field: 'fullName' },
          { header: 'a', field: 'addressLine1' },
        ],
      }),
    );
    expect(Object.keys(rows[0]!)[0]).toBe("'=bad");
    // Captured text is trimmed first, so the tab/CR cases lose their control character and
    // become plain text; every formula-like cell gets a leading apostrophe.
    const expectedCells = ['\'=HYPERLINK("http://x","y")', "'+SUM(1)", "'-2+3", "'@cmd", 'TAB', 'CR'];
    expect(rows).toHaveLength(expectedCells.length);
    rows.forEach((row, i) => {
      const expected = expectedCells[i];
      expect(row["'=bad"]).toBe(expected);
      expect(row.a).toBe(expected);
      expect(row.a).not.toMatch(/^[=+\-@\t\r]/);
    });
    // The order number is not trimmed: a leading tab there is neutralized too.
    const [tabbed] = parse(renderCsv([label({ orderSn: '\t=1' })], { preset: 'custom', customColumns: [{ header: 'o', field: 'orderSn' }] }));
    expect(tabbed!.o).toBe("'\t=1");
  });

  it('omitContact leaves e-mail and phones out of every preset, columns kept (issue 14)', () => {
    const withBackup = label({}, { backupPhone: '+1 555 0199' });
    for (const preset of ['generic', 'shippingeasy', 'shipandco'] as const) {
      const full = renderCsv([withBackup], { preset });
      const bare = renderCsv([withBackup], { preset, omitContact: true });
      expect(full).toContain('jane@example.com');
      expect(full).toContain('+1 555 0100');
      expect(bare, preset).not.toContain('jane@example.com');
      expect(bare, preset).not.toContain('555 01');
      expect(Object.keys(parse(bare)[0]!), preset).toEqual(Object.keys(parse(full)[0]!));
      expect(bare, preset).toContain('Jane');
    }
    const custom = renderCsv([withBackup], {
      preset: 'custom',
      omitContact: true,
      customColumns: [
        { header: 'Tel', field: 'phone' },
        { header: 'Name', field: 'fullName' },
      ],
    });
    expect(parse(custom)[0]).toEqual({ Tel: '', Name: 'Jane Doe' });
  });

  it('refuses an empty selection', () => {
    expect(() => renderCsv([], { preset: 'generic' })).toThrow(/No orders/);
  });
});

describe('neutralizeCsvCell', () => {
  it.each([
    ['=1+1', "'=1+1"],
    ['+1 555 0100', '+1 555 0100'],
    ['+49 151 55512345', '+49 151 55512345'],
    ['+4915155512345', '+4915155512345'],
    // Not a phone-only cell: arithmetic, functions, references, odd spacing, too few digits.
    ['+1-555-0100', "'+1-555-0100"],
    ['+49 151 55512345+1', "'+49 151 55512345+1"],
    ['+49  151', "'+49  151"],
    ['+123', "'+123"],
    ['+1234567890123456', "'+1234567890123456"],
    ['+1 555 0100 A1', "'+1 555 0100 A1"],
    ['+SUM(1)', "'+SUM(1)"],
    // Full-width signs are formula starts after NFKC normalization; a leading space does not hide one.
    ['＝1+1', "'＝1+1"],
    ['＝HYPERLINK("http://x")', '\'＝HYPERLINK("http://x")'],
    ['＋SUM(1)', "'＋SUM(1)"],
    ['＠cmd', "'＠cmd"],
    ['－5', "'－5"],
    ['＋４９ １５１ ５５５１２３４５', "'＋４９ １５１ ５５５１２３４５"],
    [' =1+1', "' =1+1"],
    ['\u3000=1', "'\u3000=1"],
    ['-5', "'-5"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\t=1', "'\t=1"],
    ['\r=1', "'\r=1"],
    ['Jane', 'Jane'],
    ['1=1', '1=1'],
    ['', ''],
  ])('%j → %j', (input, output) => {
    expect(neutralizeCsvCell(input)).toBe(output);
  });
});

describe('tracking columns', () => {
  it('carry the tracking numbers and carriers the seller center reported', () => {
    const tracked = label({
      tracking: [
        { trackingNumber: '1Z999AA10123456784', carrier: 'UPS' },
        { trackingNumber: '9400100000000000000301', carrier: 'USPS' },
      ],
    });
    const [row] = Papa.parse<Record<string, string>>(renderCsv([tracked, label()], { preset: 'generic' }).replace(UTF8_BOM, ''), { header: true }).data;
    expect(row!.trackingNumber).toBe('1Z999AA10123456784; 9400100000000000000301');
    expect(row!.carrier).toBe('UPS; USPS');
    const custom = renderCsv([tracked], { preset: 'custom', customColumns: [{ header: 'Tracking', field: 'trackingNumber' }] });
    expect(custom).toContain('1Z999AA10123456784; 9400100000000000000301');
  });
});
