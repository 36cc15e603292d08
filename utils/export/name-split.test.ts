import { describe, expect, it } from 'vitest';
import { splitName } from './name-split';

describe('splitName', () => {
  it.each([
    ['Jane Doe', 'Jane', 'Doe'],
    ['Anna Maria  Schmidt', 'Anna Maria', 'Schmidt'],
    ['Łukasz Wójcik', 'Łukasz', 'Wójcik'],
    ['Иван Петров', 'Иван', 'Петров'],
    ['Madonna', '', 'Madonna'],
    ['王小明', '小明', '王'],
    ['王明', '明', '王'],
    ['欧阳娜娜', '娜娜', '欧阳'],
    ['司马光', '光', '司马'],
    ['王 小明', '小明', '王'],
    ['山田 太郎', '太郎', '山田'],
    ['やまだたろう', '', 'やまだたろう'],
    ['김민준', '민준', '김'],
    ['남궁민수', '민수', '남궁'],
    ['王', '', '王'],
    ['   ', '', ''],
  ])('%j → first %j, last %j', (full, firstName, lastName) => {
    expect(splitName(full)).toEqual({ firstName, lastName });
  });

  it('loses no character of the name', () => {
    for (const name of ['Zoë Béatrice Çelik', '欧阳娜娜', 'Γιώργος Παπαδόπουλος']) {
      const { firstName, lastName } = splitName(name);
      expect(Array.from((firstName + lastName).replace(/\s/g, '')).sort()).toEqual(Array.from(name.replace(/\s/g, '')).sort());
    }
  });
});
