import { i18n } from '../common/i18n';
import { estimatePassphraseStrength } from '../../utils/vault/passphrase-strength';

const LABELS = [
  () => i18n.t('vault.strength.s0'),
  () => i18n.t('vault.strength.s1'),
  () => i18n.t('vault.strength.s2'),
  () => i18n.t('vault.strength.s3'),
  () => i18n.t('vault.strength.s4'),
];

/** Live strength of a passphrase being chosen (zxcvbn-ts score 0–4). */
export function StrengthMeter({ passphrase }: { passphrase: string }) {
  const strength = estimatePassphraseStrength(passphrase);
  return (
    <div className="sv-strength" data-testid="strength-meter" data-score={strength.score}>
      <meter min={0} max={4} low={2} high={3} optimum={4} value={passphrase ? strength.score : 0} />
      <span>
        {i18n.t('vault.strength.label')}: {passphrase ? LABELS[strength.score]!() : '—'}
      </span>
      {passphrase && !strength.acceptable && <div className="sv-error">{i18n.t('vault.strength.tooWeak')}</div>}
    </div>
  );
}
