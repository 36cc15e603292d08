import { describe, expect, it } from 'vitest';
import { buyerNameMatches, foldName, looksLikeOrderSn } from './buyer-name-match';

describe('buyer name search', () => {
  it('ignores case, accents and extra spaces', () => {
    expect(buyerNameMatches('Élodie Lefèvre-Noël', 'elodie lefevre')).toBe(true);
    expect(buyerNameMatches('Małgorzata Wójcik-Żółkiewska', 'wojcik')).toBe(true);
    expect(buyerNameMatches('Jürgen Weiß', 'JÜRGEN  weiß')).toBe(true);
    expect(buyerNameMatches('Jürgen Weiß', 'anna')).toBe(false);
  });

  it('matches Cyrillic, Greek and CJK as typed, full-width folded', () => {
    expect(buyerNameMatches('Анна Кузнецова', 'кузнец')).toBe(true);
    expect(buyerNameMatches('Γιώργος Παπαδόπουλος', 'γιωργος')).toBe(true);
    expect(buyerNameMatches('王小明', '小明')).toBe(true);
    expect(foldName('ＡＢＣ')).toBe('abc');
  });

  it('never matches an empty query', () => {
    expect(buyerNameMatches('Anyone', '  ')).toBe(false);
  });

  it('tells order numbers from names', () => {
    expect(looksLikeOrderSn('PO-211-0186')).toBe(true);
    expect(looksLikeOrderSn('0186139')).toBe(true);
    expect(looksLikeOrderSn('po211')).toBe(true);
    expect(looksLikeOrderSn('Anna')).toBe(false);
    expect(looksLikeOrderSn('王')).toBe(false);
  });
});
