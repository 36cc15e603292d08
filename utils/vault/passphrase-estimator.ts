import { type OptionsDictionary, type OptionsGraph, ZxcvbnFactory } from '@zxcvbn-ts/core';

/**
 * Passphrase strength (issue 4: minimum strength enforced). zxcvbn-ts with the common
 * password/keyboard dictionaries; it uses no eval, so it runs under the MV3 page CSP.
 * Minimum: score 3 ("safely unguessable", >= 10^8 guesses) and at least 10 characters,
 * since the scrypt cost only multiplies an offline guess, it cannot rescue a weak secret.
 *
 * The dictionaries are passed in, not imported (issue 11): pages bundle them
 * (passphrase-strength.ts), while the service worker loads the same data as a packaged JSON file
 * only when a passphrase is set or changed, so its ~430 KB are not parsed on every wake.
 */
export const MIN_SCORE = 3;
export const MIN_LENGTH = 10;

/** The packaged copy of @zxcvbn-ts/language-common's data, written at build time (wxt.config.ts). */
export const PASSPHRASE_DICTIONARIES_FILE = 'passphrase-dictionaries.json';

export interface PassphraseDictionaries {
  dictionary: OptionsDictionary;
  graphs: OptionsGraph;
}

export interface PassphraseStrength {
  /** 0 (too guessable) … 4 (very unguessable). */
  score: 0 | 1 | 2 | 3 | 4;
  guessesLog10: number;
  acceptable: boolean;
}

export type StrengthEstimator = (passphrase: string) => PassphraseStrength;

export function createStrengthEstimator({ dictionary, graphs }: PassphraseDictionaries): StrengthEstimator {
  const zxcvbn = new ZxcvbnFactory({ dictionary, graphs });
  return (passphrase) => {
    // zxcvbn's cost grows with length; past 100 characters the score is 4 anyway.
    const result = zxcvbn.check(passphrase.slice(0, 100));
    const score = result.score as PassphraseStrength['score'];
    return { score, guessesLog10: result.guessesLog10, acceptable: score >= MIN_SCORE && [...passphrase].length >= MIN_LENGTH };
  };
}
