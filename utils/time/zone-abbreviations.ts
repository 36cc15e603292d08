/**
 * Zone abbreviations a detail page may print → EVERY UTC offset (minutes east) the
 * abbreviation is in current use for. One offset = exact; several = ambiguous (the caller
 * takes the earliest reading, i.e. the largest offset, and flags it uncertain).
 *
 * Sources: the abbreviations in current IANA tzdata (2025) plus the well-known informal ones
 * and collisions in Wikipedia's "List of time zone abbreviations". A collision is listed when
 * the abbreviation is in use today for another zone, because reading it as the wrong one may
 * only ever make a time EARLIER (never later) than the truth. No npm package was fit for this:
 * `timezones.json` carries invented Windows acronyms (US Central as "CDT", Egypt as "EST",
 * CST only as China/Caucasus), and date libraries format abbreviations but never parse them.
 * Abbreviations not listed here are unknown: the caller assumes any offset (UTC-12..UTC+14).
 */

const h = (hours: number, minutes = 0): number => hours * 60 + Math.sign(hours || 1) * minutes;

const TABLE: ReadonlyArray<readonly [string, readonly number[]]> = [
  // Universal
  ['UTC', [0]],
  ['UT', [0]],
  ['GMT', [0]],
  ['Z', [0]],
  // Europe, Africa, Middle East
  ['WET', [0]],
  ['WEST', [h(1)]],
  ['CET', [h(1)]],
  ['CEST', [h(2)]],
  ['EET', [h(2)]],
  ['EEST', [h(3)]],
  ['MSK', [h(3)]],
  ['TRT', [h(3)]],
  ['WAT', [h(1)]],
  ['CAT', [h(2)]],
  ['SAST', [h(2)]],
  ['EAT', [h(3)]],
  ['IDT', [h(3)]],
  ['IRST', [h(3, 30)]],
  ['AFT', [h(4, 30)]],
  ['BST', [h(1), h(6), h(11)]], // British Summer Time, Bangladesh Standard Time, Bougainville Standard Time
  ['IST', [h(1), h(2), h(5, 30)]], // Irish Standard Time (summer), Israel Standard Time, India Standard Time
  ['GST', [h(-2), h(4)]], // South Georgia Time, Gulf Standard Time
  ['AMT', [h(-4), h(4)]], // Amazon Time, Armenia Time
  // Asia, Oceania
  ['PKT', [h(5)]],
  ['NPT', [h(5, 45)]],
  ['MMT', [h(6, 30)]],
  ['ICT', [h(7)]],
  ['WIB', [h(7)]],
  ['HKT', [h(8)]],
  ['SGT', [h(8)]],
  ['MYT', [h(8)]],
  ['PHT', [h(8)]],
  ['PHST', [h(8)]],
  ['WITA', [h(8)]],
  ['AWST', [h(8)]],
  ['JST', [h(9)]],
  ['KST', [h(9)]],
  ['WIT', [h(9)]],
  ['ACST', [h(9, 30)]],
  ['ACDT', [h(10, 30)]],
  ['AEST', [h(10)]],
  ['AEDT', [h(11)]],
  ['CHST', [h(10)]],
  ['NZST', [h(12)]],
  ['NZDT', [h(13)]],
  // Americas
  ['NST', [h(-3, 30)]],
  ['NDT', [h(-2, 30)]],
  ['ADT', [h(-3)]],
  ['EST', [h(-5)]],
  ['EDT', [h(-4)]],
  ['MDT', [h(-6)]],
  ['PDT', [h(-7)]],
  ['AKST', [h(-9)]],
  ['AKDT', [h(-8)]],
  ['HST', [h(-10)]],
  ['HDT', [h(-9)]],
  ['BRT', [h(-3)]],
  ['ART', [h(-3)]],
  ['UYT', [h(-3)]],
  ['CLT', [h(-4)]],
  ['CLST', [h(-3)]],
  ['COT', [h(-5)]],
  ['PET', [h(-5)]],
  ['AST', [h(-4), h(3)]], // Atlantic Standard Time, Arabia Standard Time
  ['CST', [h(-6), h(-5), h(8)]], // US/Mexico Central, Cuba, China/Taiwan
  ['CDT', [h(-5), h(-4)]], // US/Mexico Central Daylight, Cuba Daylight
  ['MST', [h(-7), h(8)]], // Mountain Standard Time, Malaysia Standard Time
  ['PST', [h(-8), h(8)]], // Pacific Standard Time, Philippine Standard Time (tzdata Asia/Manila)
  ['SST', [h(-11), h(8)]], // Samoa Standard Time (tzdata Pacific/Pago_Pago), Singapore Standard Time
  ['ECT', [h(-5), h(-4)]], // Ecuador Time, Eastern Caribbean Time
  // Generic North American names, which do not say whether daylight time is on
  ['ET', [h(-5), h(-4)]],
  ['CT', [h(-6), h(-5), h(8)]] /* also China Time */,
  ['MT', [h(-7), h(-6)]],
  ['PT', [h(-8), h(-7)]],
  ['AKT', [h(-9), h(-8)]],
  ['AT', [h(-4), h(-3)]],
];

const BY_ABBREVIATION: ReadonlyMap<string, readonly number[]> = new Map(TABLE.map(([abbr, offsets]) => [abbr, Object.freeze([...offsets])]));

/** Every offset (minutes east of UTC) `abbreviation` is in use for, or null when unknown. Case-insensitive. */
export function offsetsForZoneAbbreviation(abbreviation: string): readonly number[] | null {
  if (typeof abbreviation !== 'string' || abbreviation.length > 8) return null;
  return BY_ABBREVIATION.get(abbreviation.toUpperCase()) ?? null;
}

/** All listed abbreviations (for tests and diagnostics). */
export function knownZoneAbbreviations(): string[] {
  return [...BY_ABBREVIATION.keys()];
}
