import { useState } from 'react';
import { sendMessage } from '../../utils/messaging/send-message-adapter';
import { compareVersions, POLICY_DATE, POLICY_VERSION, policyChangesSince } from '../../utils/policy/policy-document';
import { formatDate, i18n } from './i18n';
import { useBackground } from './use-background';

/**
 * "The privacy policy changed" (issue 15, policy: changes are announced and the seller sees the
 * change): shown in the popup and options while any shop was authorized under an older version.
 * Lists each newer version's summary per section; capture for those shops is paused (consent-read.ts)
 * until the seller accepts here.
 */
export function PolicyChangeNotice({ policyUrl }: { policyUrl: string }) {
  const consents = useBackground('consent/list', {});
  const [error, setError] = useState<string | null>(null);
  const outdated = (consents.data ?? []).filter((c) => c.policyVersion !== POLICY_VERSION);
  if (outdated.length === 0) return null;
  const oldest = outdated.map((c) => c.policyVersion).sort(compareVersions)[0]!;
  const changes = policyChangesSince(oldest);
  return (
    <section className="sv-policy-change" data-testid="policy-change" aria-labelledby="sv-policy-change-title">
      <h2 id="sv-policy-change-title">{i18n.t('policyChanges.title', [POLICY_VERSION, formatDate(Date.parse(POLICY_DATE))])}</h2>
      {changes.map((change) => (
        <ul key={change.version} data-testid="policy-change-summary" data-version={change.version}>
          {change.sections.map((section) => (
            <li key={section}>
              <strong>{i18n.t(`policyChanges.section.${section}`)}:</strong> {i18n.t(`policyChanges.v${change.version.replace('.', '_') as '1_1'}.${section}`)}
            </li>
          ))}
        </ul>
      ))}
      <p className="sv-error" data-testid="policy-change-paused">
        {i18n.t('policyChanges.paused', [outdated.map((c) => c.displayName || c.shopId).join(', ')])}
      </p>
      <p>
        <button
          type="button"
          className="primary"
          data-testid="policy-accept"
          onClick={() => {
            setError(null);
            sendMessage('consent/accept-policy', { version: POLICY_VERSION }).catch((e: Error) => setError(e.message));
          }}
        >
          {i18n.t('policyChanges.accept', [POLICY_VERSION])}
        </button>{' '}
        <a href={policyUrl} target="_blank" rel="noreferrer">
          {i18n.t('policyChanges.read')}
        </a>
      </p>
      {error && (
        <p className="sv-error" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}
