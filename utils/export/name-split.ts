/**
 * Splits a recipient's full name into first and last name for carrier CSVs that want both
 * (Ship&co). The buyer typed one name field, so this is a best guess with a fixed rule:
 *
 * - Chinese/Korean names (Han or Hangul, no space): the family name comes first. It is the
 *   first character, or the first two when they form a known compound surname (欧阳, 司马,
 *   南宫 …, 남궁, 황보 …). "王小明" → last "王", first "小明".
 * - CJK names with a space ("山田 太郎", "王 小明"): the first word is the family name.
 * - Japanese names without a space (any kana): family-name length cannot be known, so the
 *   whole name goes into the last name and the first name stays empty.
 * - Everything else: the last word is the last name, the words before it the first name
 *   ("Anna Maria Schmidt" → "Anna Maria" / "Schmidt"). A single word is the last name (most
 *   carriers require a last name); the first name stays empty.
 *
 * Printed as "first last" the pieces always give back every character of the name.
 */
export interface SplitName {
  firstName: string;
  lastName: string;
}

const HAN_OR_HANGUL = /[\p{Script=Han}\p{Script=Hangul}]/u;
const KANA = /[\p{Script=Hiragana}\p{Script=Katakana}]/u;

/** Two-character family names common enough to matter (Chinese and Korean). */
const COMPOUND_SURNAMES = new Set([
  '欧阳',
  '歐陽',
  '司马',
  '司馬',
  '上官',
  '诸葛',
  '諸葛',
  '东方',
  '東方',
  '皇甫',
  '尉迟',
  '尉遲',
  '公孙',
  '公孫',
  '慕容',
  '长孙',
  '長孫',
  '宇文',
  '司徒',
  '夏侯',
  '轩辕',
  '軒轅',
  '令狐',
  '端木',
  '独孤',
  '獨孤',
  '南宫',
  '南宮',
  '西门',
  '西門',
  '百里',
  '呼延',
  '申屠',
  '太史',
  '澹台',
  '濮阳',
  '濮陽',
  '淳于',
  '单于',
  '單于',
  '闻人',
  '聞人',
  '남궁',
  '황보',
  '제갈',
  '선우',
  '독고',
  '사공',
  '서문',
]);

export function splitName(fullName: string): SplitName {
  const name = fullName.normalize('NFC').replace(/\s+/g, ' ').trim();
  if (!name) return { firstName: '', lastName: '' };
  const words = name.split(' ');
  const eastAsian = HAN_OR_HANGUL.test(name) || KANA.test(name);
  if (eastAsian) {
    if (words.length > 1) return { lastName: words[0]!, firstName: words.slice(1).join(' ') };
    if (KANA.test(name)) return { lastName: name, firstName: '' };
    const chars = Array.from(name);
    if (chars.length <= 1) return { lastName: name, firstName: '' };
    const surnameLength = chars.length > 2 && COMPOUND_SURNAMES.has(chars.slice(0, 2).join('')) ? 2 : 1;
    return { lastName: chars.slice(0, surnameLength).join(''), firstName: chars.slice(surnameLength).join('') };
  }
  if (words.length === 1) return { lastName: name, firstName: '' };
  return { firstName: words.slice(0, -1).join(' '), lastName: words[words.length - 1]! };
}
