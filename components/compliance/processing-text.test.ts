import { describe, expect, it } from 'vitest';
import { PROCESSING_RECORDS } from '../../utils/processing/processing-records';
import { localeTree, packagedMessages } from '../../tests/support/locale-files';
import { setUiMessages } from '../common/i18n';
import { processingAccessText, processingDeletionText, processingPurposeText } from './processing-text';

const LOCALES = {
  en: packagedMessages(localeTree('en')),
  zh_CN: packagedMessages(localeTree('zh_CN')),
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
