/** A UTC day number: the shred file a record's key goes to is the day of its purge time. */
const DAY_MS = 24 * 60 * 60 * 1000;

export function shredDayOf(time: number): number {
  return Math.floor(time / DAY_MS);
}

/** Keys grouped by their day, in first-seen order (each day's keys go to one file or one part). */
export function keysByDay<T extends { day: number }>(keys: readonly T[]): Map<number, T[]> {
  const byDay = new Map<number, T[]>();
  for (const k of keys) {
    const list = byDay.get(k.day);
    if (list) list.push(k);
    else byDay.set(k.day, [k]);
  }
  return byDay;
}

/**
 * Every file of a day before this one holds only keys of records already due at `now` (a
 * record's key is filed under the day of its purgeAt when sealed, and purgeAt only moves
 * earlier), so a purge at `now` deletes those files whole.
 */
export function firstLiveShredDay(now: number): number {
  return shredDayOf(now);
}
