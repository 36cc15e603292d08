import { browser } from 'wxt/browser';
import { ONBOARDING_PAGE } from './setup-checklist';

/**
 * Opens the onboarding page once, on a fresh install (not on updates or browser updates). Tabs
 * can be created without the `tabs` permission; a failure (no normal window yet) is logged, and the
 * popup's checklist still leads to the same steps.
 */
export function registerOnboarding(): void {
  browser.runtime.onInstalled.addListener(({ reason }) => {
    if (reason !== 'install') return;
    browser.tabs.create({ url: browser.runtime.getURL(ONBOARDING_PAGE) }).catch((err: unknown) => console.warn('[seller-vault] onboarding tab', err));
  });
}
