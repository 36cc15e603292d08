import { describe, expect, it } from 'vitest';
import { SCHEMA_HISTORY } from '../db/schema-history';
import { BUYER_FIELDS, PROCESSING_RECORDS, storedBuyerFields } from './processing-records';

describe('records of processing', () => {
  it('lists exactly the buyer fields the sealed schema holds', () => {
    expect(Object.keys(BUYER_FIELDS)).toEqual(storedBuyerFields());
    expect(Object.keys(PROCESSING_RECORDS.find((g) => g.table === 'buyers')!.fields).sort()).toEqual(storedBuyerFields().sort());
  });

  it('covers every table of the current database except key material (meta, staged shred keys)', () => {
    const tables = new Set(SCHEMA_HISTORY.flatMap((v) => Object.keys(v.stores)));
    tables.delete('meta');
    tables.delete('shredStaging');
    expect(PROCESSING_RECORDS.map((g) => g.table).sort()).toEqual([...tables].sort());
  });

  it('keeps every personal group sealed', () => {
    for (const group of PROCESSING_RECORDS.filter((g) => g.personal)) expect(group.keeping, group.table).toBe('sealed');
  });
});
