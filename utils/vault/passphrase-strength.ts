import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import { adjacencyGraphs, dictionary } from '@zxcvbn-ts/language-common';

/**
 * Passphrase strength (issue 4: minimum strength enforced). zxcvbn-ts with the common
 * password/keyboard dictionaries; it uses no eval, so it runs under the MV3 page CSP.
 * Minimum: score 3 ("safely unguessable", >= 10^8 guesses) and at least 10 characters,
 * since the scrypt cost only multiplies an offline guess, it cannot rescue a weak secret.
 */
export const MIN_SCORE = 3;
export const MIN_LENGTH = 10;

export interface PassphraseStrength {
  /** 0 (too guessable) … 4 (very unguessable). */
  score: 0 | 1 | 2 | 3 | 4;
  guessesLog10: number;
  acceptable: boolean;
}

let estimator: ZxcvbnFactory | undefined;

export function estimatePassphraseStrength(passphrase: string): PassphraseStrength {
  estimator ??= new ZxcvbnFactory({ dictionary, graphs: adjacencyGraphs });
  // zxcvbn's cost grows with length; past 100 characters the score is 4 anyway.
  const result = estimator.check(passphrase.slice(0, 100));
  const score = result.score as PassphraseStrength['score'];
  return { score, guessesLog10: result.guessesLog10, acceptable: score >= MIN_SCORE && [...passphrase].length >= MIN_LENGTH };
}
