import { activeUiLocale, i18n } from '../common/i18n';
import policyEn from '../../docs/privacy-policy.md?raw';
import policyZh from '../../docs/privacy-policy.zh-CN.md?raw';
import { parsePolicyDocument, POLICY_VERSION } from '../../utils/policy/policy-document';
import { PrivacySettings } from '../settings-forms/PrivacySettings';

/** Privacy & cookies: the seller's choices, then the policy text in the page's language. */
export function PrivacyPolicyPage() {
  const markdown = activeUiLocale() === 'zh_CN' ? policyZh : policyEn;
  return (
    <section data-testid="PrivacyPolicyPage">
      <h2>{i18n.t('privacy.title')}</h2>
      <PrivacySettings />
      <article className="sv-policy" data-testid="privacy-policy" data-version={POLICY_VERSION}>
        {parsePolicyDocument(markdown).map((block, i) =>
          block.kind === 'title' ? <h3 key={i}>{block.text}</h3> : block.kind === 'heading' ? <h4 key={i}>{block.text}</h4> : <p key={i}>{block.text}</p>,
        )}
      </article>
    </section>
  );
}
