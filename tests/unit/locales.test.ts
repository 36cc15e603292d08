import fs from 'node:fs';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';

/** Dotted key → message for every leaf of a locale file. */
function leaves(node: unknown, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  if (typeof node === 'string' || typeof node === 'number') out.set(prefix, String(node));
  else if (node && typeof node === 'object') {
    for (const [k, v] of Object.entries(node)) for (const [kk, vv] of leaves(v, prefix ? `${prefix}.${k}` : k)) out.set(kk, vv);
  }
  return out;
}

const en = leaves(parse(fs.readFileSync('locales/en.yml', 'utf8')));
const zh = leaves(parse(fs.readFileSync('locales/zh_CN.yml', 'utf8')));
const placeholders = (s: string) => (s.match(/\$\d/g) ?? []).sort().join(',');

describe('UI translations (English and Simplified Chinese)', () => {
  it('have exactly the same keys', () => {
    expect(en.size).toBeGreaterThan(50);
    expect([...zh.keys()].filter((k) => !en.has(k))).toEqual([]);
    expect([...en.keys()].filter((k) => !zh.has(k))).toEqual([]);
  });

  it('have only key names Chrome accepts as message names (else the whole extension fails to load)', () => {
    expect([...en.keys()].filter((k) => !/^[A-Za-z0-9_@.]+$/.test(k))).toEqual([]);
  });

  it('use the same placeholders in both languages', () => {
    const mismatched = [...en].filter(([k, v]) => placeholders(v) !== placeholders(zh.get(k) ?? '')).map(([k]) => k);
    expect(mismatched).toEqual([]);
  });

  it('are translated: no Chinese message is a copy of an English sentence', () => {
    const copies = [...en].filter(([k, v]) => /[a-z]{4,} [a-z]{3,}/i.test(v) && zh.get(k) === v).map(([k]) => k);
    expect(copies).toEqual([]);
  });
});
