import { ONBOARDING_PAGE } from '../../utils/onboarding/setup-checklist';
import { sendMessage } from '../../utils/messaging/send-message-adapter';
import { i18n } from '../common/i18n';
import { useSetupChecklist } from '../onboarding/use-setup-checklist';
import { extensionPageUrl } from './active-tab-adapter';
import './capture-status.css';

/** Popup: the onboarding steps the seller skipped, each linking to its step, until done or hidden. */
export function SetupChecklist() {
  const { items, hidden } = useSetupChecklist();
  const open = items?.filter((item) => !item.done) ?? [];
  if (!items || hidden || open.length === 0) return null;
  return (
    <section className="sv-setup-checklist" data-testid="setup-checklist" aria-labelledby="sv-setup-checklist-title">
      <div className="sv-capture-status__head">
        <h2 id="sv-setup-checklist-title">{i18n.t('onboarding.checklist.title')}</h2>
        <button type="button" onClick={() => void sendMessage('settings/update', { onboardingChecklistHidden: true })}>
          {i18n.t('onboarding.checklist.hide')}
        </button>
      </div>
      <ul>
        {open.map(({ step }) => (
          <li key={step} data-step={step}>
            <a href={extensionPageUrl(`${ONBOARDING_PAGE}#${step}`)} target="_blank" rel="noreferrer">
              {i18n.t(`onboarding.${step}.title`)}
            </a>
          </li>
        ))}
      </ul>
    </section>
  );
}
