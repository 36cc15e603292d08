import { browser } from 'wxt/browser';
import type { PageConsentState } from './page-capture-controller';
import { parseStoredSettings } from '../settings/settings-schema';
import { LOCAL_KEYS } from '../storage-keys';
import { parseConsentMap } from '../consent/consent-schema';

/**
 * The content script's view of consent and the cookie/banner settings (storage.local holds no
 * PII, so content scripts may read it). Changes arrive at once: revoking stops capture on the page.
 */
export async function readPageConsent(): Promise<PageConsentState> {
  const stored = await browser.storage.local.get([LOCAL_KEYS.consent, LOCAL_KEYS.settings]);
  return { consent: parseConsentMap(stored[LOCAL_KEYS.consent]), settings: parseStoredSettings(stored[LOCAL_KEYS.settings]) };
}

export function watchPageConsent(onChange: (state: PageConsentState) => void): () => void {
  const listener = (changes: Record<string, unknown>, area: string) => {
    if (area === 'local' && (LOCAL_KEYS.consent in changes || LOCAL_KEYS.settings in changes)) void readPageConsent().then(onChange);
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}
