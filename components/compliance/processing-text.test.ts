import fs from 'node:fs';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { PROCESSING_RECORDS } from '../../utils/processing/processing-records';
import type { PackagedMessages } from '../../utils/language/ui-language';
import { setUiMessages } from '../common/i18n';
import { processingAccessText, processingDeletionText, processingPurposeText } from './processing-text';

type Tree = { [key: string]: Tree | string };
/** The locale file as Chrome's messages.json names it (`processing_purpose_buyers_name`). */
function packaged(tree: Tree, prefix = ''): PackagedMessages {
  const out: PackagedMessages = {};
  for (const [k, v] of Object.entries(tree)) {
    if (typeof v === 'object') Object.assign(out, packaged(v, `${prefix}${k}_`));
    else out[`${prefix}${k}`] = { message: String(v) };
  }
  return out;
}
const LOCALES = {
  en: packaged(parse(fs.readFileSync('locales/en.yml', 'utf8')) as Tree),
  zh_CN: packaged(parse(fs.readFileSync('locales/zh_CN.yml', 'utf8')) as Tree),
};

/** Every text the page shows for the records of processing, read as the page reads it. */
function pageTexts(locale: keyof typeof LOCALES) {
  setUiMessages(locale, LOCALES[locale]);
  try {
    return PROCESSING_RECORDS.flatMap((g) => [
      ...Object.entries(g.fields).map(([name, f]) => ({ what: `${g.table}.${name}`, english: f.purpose, shown: processingPurposeText(g, name) })),
      { what: `${g.table} (access)`, english: g.access, shown: processingAccessText(g) },
      { what: `${g.table} (deleted)`, english: g.deletionText, shown: processingDeletionText(g) },
    ]);
  } finally {
    setUiMessages('en', null);
  }
}

describe("records of processing in the seller's language", () => {
  it('has a text for every field, access and deletion in English and Chinese', () => {
    for (const locale of ['en', 'zh_CN'] as const) {
      const texts = pageTexts(locale);
      expect(texts.length).toBeGreaterThan(80);
      expect(
        texts.filter((t) => t.shown === '').map((t) => t.what),
        `missing in ${locale}`,
      ).toEqual([]);
    }
  });

  it('says in English exactly what the evidence pack says (one meaning, two places)', () => {
    expect(pageTexts('en').filter((t) => t.shown !== t.english)).toEqual([]);
  });

  it('shows Chinese on the Chinese page', () => {
    expect(pageTexts('zh_CN').filter((t) => !/[\u3400-\u9fff]/.test(t.shown) || /[A-Za-z]{2,}/.test(t.shown))).toEqual([]);
  });

  it('keeps no text for a field the records no longer list', () => {
    const listed = new Set(PROCESSING_RECORDS.flatMap((g) => Object.keys(g.fields).map((f) => `processing_purpose_${g.table}_${f}`)));
    expect(Object.keys(LOCALES.en).filter((k) => k.startsWith('processing_purpose_') && !listed.has(k))).toEqual([]);
  });
});
