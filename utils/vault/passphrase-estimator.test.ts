import { describe, expect, it } from 'vitest';
import { createStrengthEstimator } from './passphrase-estimator';
import { bundledPassphraseDictionaries, estimatePassphraseStrength } from './passphrase-strength';

describe('passphrase strength', () => {
  it('refuses common passwords through the dictionaries (the length rule alone would pass them)', () => {
    expect(estimatePassphraseStrength('password123').acceptable).toBe(false);
    expect(createStrengthEstimator({ dictionary: {}, graphs: {} })('password123').acceptable).toBe(true);
    expect(estimatePassphraseStrength('violet tractor mango 7 lantern').acceptable).toBe(true);
  });

  it('scores alike from the packaged copy (JSON) and the bundled data', () => {
    const packaged = createStrengthEstimator(JSON.parse(JSON.stringify(bundledPassphraseDictionaries)));
    for (const p of ['password123', 'qwertyuiop1', 'Tr0ub4dor&3', 'correct horse battery staple', 'violet tractor mango 7 lantern', 'zxcvbnm12345', '1qaz2wsx3edc']) {
      expect(packaged(p), p).toEqual(estimatePassphraseStrength(p));
    }
  });
});
