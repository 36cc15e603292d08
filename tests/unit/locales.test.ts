import fs from 'node:fs';
import path from 'node:path';
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

  it('are translated: every Chinese message with words holds Chinese, unless it is a name or a symbol', () => {
    // Names, units and symbols that read the same in both languages (checked one by one).
    const SAME_IN_BOTH = new Set(['audit.col.seq', 'export.print.paperA4', 'policyChanges.section.cookies']);
    const untranslated = [...zh].filter(([k, v]) => !SAME_IN_BOTH.has(k) && /[A-Za-z]{2,}/.test(en.get(k) ?? '') && !/[\u3400-\u9fff]/.test(v)).map(([k]) => k);
    expect(untranslated).toEqual([]);
  });

  it('use one Chinese word for the vault (保险库, never 保险箱)', () => {
    expect([...zh].filter(([, v]) => v.includes('保险箱')).map(([k]) => k)).toEqual([]);
    expect([...zh.values()].some((v) => v.includes('保险库'))).toBe(true);
  });

  it('hold every key the pages ask for (i18n.t with a literal key)', () => {
    const keysInUse = new Set<string>();
    const walk = (dir: string) => {
      for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
        const file = path.join(dir, entry.name);
        if (entry.isDirectory()) walk(file);
        else if (/\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name)) {
          for (const m of fs.readFileSync(file, 'utf8').matchAll(/i18n\.t\(\s*'([A-Za-z0-9_.]+)'/g)) keysInUse.add(m[1]!);
        }
      }
    };
    for (const dir of ['components', 'entrypoints', 'utils']) walk(dir);
    expect(keysInUse.size).toBeGreaterThan(100);
    // A plural message is the parent of its forms (`count.orders` → `count.orders.1`, `.n`).
    const has = (table: Map<string, string>, key: string) => table.has(key) || table.has(`${key}.n`);
    expect([...keysInUse].filter((k) => !has(en, k) || !has(zh, k))).toEqual([]);
  });

  it('give counted messages plural forms in both languages ("1 orders" never shows)', () => {
    // A message whose $1 is directly followed by a plural English noun must be a plural message.
    const bare = [...en].filter(([k, v]) => /\$1 (orders|files|entries|items|records|days|addresses|minutes)\b/.test(v) && !/\.(n|0|1)$/.test(k)).map(([k]) => k);
    expect(bare).toEqual([]);
    for (const noun of ['orders', 'files', 'buyerRecords', 'entries', 'days', 'sessionCaches']) {
      expect(en.get(`count.${noun}.1`)).toMatch(/^1 /);
      expect(zh.get(`count.${noun}.n`)).toMatch(/^\$1 /);
    }
  });
});
