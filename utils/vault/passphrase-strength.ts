import { adjacencyGraphs, dictionary } from '@zxcvbn-ts/language-common';
import { createStrengthEstimator, type PassphraseStrength, type StrengthEstimator } from './passphrase-estimator';

export { MIN_LENGTH, MIN_SCORE, type PassphraseStrength } from './passphrase-estimator';

/** The data the estimator uses, bundled (pages); the service worker loads the packaged copy instead. */
export const bundledPassphraseDictionaries = { dictionary, graphs: adjacencyGraphs };

let estimator: StrengthEstimator | undefined;

/** Pages: live strength while a passphrase is typed (the background re-checks on set-up and change). */
export function estimatePassphraseStrength(passphrase: string): PassphraseStrength {
  estimator ??= createStrengthEstimator(bundledPassphraseDictionaries);
  return estimator(passphrase);
}
