import { useEffect, useState } from 'react';
import { SELLER_CENTER_HOSTS } from '../../utils/capture/seller-center-hosts';
import { SETUP_STEPS, type SetupStep } from '../../utils/onboarding/setup-checklist';
import { POLICY_VERSION } from '../../utils/policy/policy-document';
import { i18n } from '../common/i18n';
import { useBackground } from '../common/use-background';
import { AuthorizeShopForm } from '../options/AuthorizeShopForm';
import { extensionPageUrl } from '../popup/active-tab-adapter';
import { PassphraseSetupForm } from '../vault/PassphraseSetupForm';
import { useVault } from '../vault/use-vault';
import { ShipFromStep } from './ShipFromStep';
import { useSetupChecklist } from './use-setup-checklist';
import '../vault/vault.css';
import '../order-list/orders.css';

type Screen = 'welcome' | SetupStep | 'finished';
const SCREENS: Screen[] = ['welcome', ...SETUP_STEPS, 'finished'];

function screenFromHash(): Screen {
  const id = location.hash.slice(1) as Screen;
  return SCREENS.includes(id) ? id : 'welcome';
}

/**
 * First run (issue 15): what the extension does and does not do, then the four steps to a first
 * label — vault passphrase, ship-from address, first shop, the seller center. Every step can be
 * skipped; skipped steps come back as the popup's checklist. Steps are hash-addressed
 * (`onboarding.html#address`) so the checklist opens the one it names.
 */
export function OnboardingFlow() {
  const [screen, setScreen] = useState<Screen>(screenFromHash);
  const { items } = useSetupChecklist();
  useEffect(() => {
    const onHash = () => setScreen(screenFromHash());
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, []);
  const go = (next: Screen) => {
    location.hash = next;
    setScreen(next);
  };
  const index = SCREENS.indexOf(screen);
  const next = () => go(SCREENS[Math.min(index + 1, SCREENS.length - 1)]!);
  const doneOf = (step: SetupStep) => items?.find((i) => i.step === step)?.done ?? false;

  return (
    <div className="sv-onboarding">
      <header className="sv-onboarding__header">
        <h1>{i18n.t('onboarding.title')}</h1>
        <nav aria-label={i18n.t('onboarding.stepsLabel')}>
          <ol className="sv-onboarding__steps">
            {SETUP_STEPS.map((step, i) => (
              <li key={step} data-step={step} data-done={doneOf(step)}>
                <a href={`#${step}`} aria-current={screen === step ? 'step' : undefined}>
                  <span aria-hidden="true">{doneOf(step) ? '✓' : String(i + 1)}</span> {i18n.t(`onboarding.${step}.title`)}
                  {doneOf(step) && <span className="sv-visually-hidden"> ({i18n.t('onboarding.done')})</span>}
                </a>
              </li>
            ))}
          </ol>
        </nav>
      </header>
      <main className="sv-onboarding__main" data-testid="onboarding" data-screen={screen}>
        {screen === 'welcome' && <Welcome />}
        {screen === 'vault' && <VaultStep />}
        {screen === 'address' && <ShipFromStep onSaved={next} />}
        {screen === 'shop' && <ShopStep />}
        {screen === 'sellerCenter' && <SellerCenterStep />}
        {screen === 'finished' && <Finished open={SETUP_STEPS.filter((s) => !doneOf(s))} />}
        {screen !== 'finished' && (
          <p className="sv-onboarding__actions">
            {index > 0 && (
              <button type="button" onClick={() => go(SCREENS[index - 1]!)}>
                {i18n.t('onboarding.back')}
              </button>
            )}{' '}
            <button type="button" className={screen === 'welcome' || doneOf(screen as SetupStep) ? 'primary' : undefined} data-testid="onboarding-next" onClick={next}>
              {screen === 'welcome' ? i18n.t('onboarding.start') : doneOf(screen as SetupStep) ? i18n.t('onboarding.next') : i18n.t('onboarding.skip')}
            </button>
          </p>
        )}
      </main>
    </div>
  );
}

function Welcome() {
  return (
    <section aria-labelledby="sv-welcome-title">
      <h2 id="sv-welcome-title">{i18n.t('onboarding.welcome.title')}</h2>
      <p>{i18n.t('onboarding.welcome.intro')}</p>
      <h3>{i18n.t('onboarding.welcome.doesTitle')}</h3>
      <ul>
        <li>{i18n.t('onboarding.welcome.does1')}</li>
        <li>{i18n.t('onboarding.welcome.does2')}</li>
        <li>{i18n.t('onboarding.welcome.does3')}</li>
      </ul>
      <h3>{i18n.t('onboarding.welcome.doesNotTitle')}</h3>
      <ul data-testid="onboarding-does-not">
        <li>{i18n.t('onboarding.welcome.doesNot1')}</li>
        <li>{i18n.t('onboarding.welcome.doesNot2')}</li>
        <li>{i18n.t('onboarding.welcome.doesNot3')}</li>
      </ul>
      <p className="sv-muted">
        <a href={extensionPageUrl('/options.html#policy')} target="_blank" rel="noreferrer">
          {i18n.t('onboarding.welcome.policy', [POLICY_VERSION])}
        </a>
      </p>
    </section>
  );
}

function VaultStep() {
  const vault = useVault();
  return (
    <section aria-labelledby="sv-vault-step">
      <h2 id="sv-vault-step">{i18n.t('onboarding.vault.title')}</h2>
      <p>{i18n.t('onboarding.vault.intro')}</p>
      {vault.data?.state === 'uninitialized' && <PassphraseSetupForm />}
      {vault.data && vault.data.state !== 'uninitialized' && (
        <p className="sv-ok" role="status" data-testid="onboarding-vault-ready">
          {i18n.t('onboarding.vault.ready')}
        </p>
      )}
    </section>
  );
}

function ShopStep() {
  const consents = useBackground('consent/list', {});
  return (
    <section aria-labelledby="sv-shop-step">
      <h2 id="sv-shop-step">{i18n.t('onboarding.shop.title')}</h2>
      <p>{i18n.t('onboarding.shop.intro')}</p>
      <ul>
        <li>{i18n.t('capture.auth.whatOrders')}</li>
        <li>{i18n.t('capture.auth.whatAddress')}</li>
        <li>{i18n.t('capture.auth.where')}</li>
      </ul>
      <p className="sv-muted">{i18n.t('onboarding.shop.whereId')}</p>
      <AuthorizeShopForm />
      {consents.data && consents.data.length > 0 && <p data-testid="onboarding-shops">{i18n.t('onboarding.shop.authorized', [consents.data.map((c) => c.shopId).join(', ')])}</p>}
    </section>
  );
}

function SellerCenterStep() {
  return (
    <section aria-labelledby="sv-seller-step">
      <h2 id="sv-seller-step">{i18n.t('onboarding.sellerCenter.title')}</h2>
      <p>{i18n.t('onboarding.sellerCenter.intro')}</p>
      <ul>
        {SELLER_CENTER_HOSTS.filter((h) => h !== 'agentseller-us.temu.com' && h !== 'agentseller-eu.temu.com').map((host) => (
          <li key={host}>
            <a href={`https://${host}/mmsos/orders.html`} target="_blank" rel="noreferrer" data-testid="onboarding-seller-link">
              {host}
            </a>
          </li>
        ))}
      </ul>
      <p>{i18n.t('onboarding.sellerCenter.then')}</p>
    </section>
  );
}

function Finished({ open }: { open: SetupStep[] }) {
  return (
    <section aria-labelledby="sv-finished">
      <h2 id="sv-finished">{i18n.t('onboarding.finished.title')}</h2>
      <p>{open.length === 0 ? i18n.t('onboarding.finished.allDone') : i18n.t('onboarding.finished.later')}</p>
      {open.length > 0 && (
        <ul data-testid="onboarding-open-steps">
          {open.map((step) => (
            <li key={step}>
              <a href={`#${step}`}>{i18n.t(`onboarding.${step}.title`)}</a>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
