import { browser } from 'wxt/browser';
import type { PageConsentState } from './page-capture-controller';
import { readStoredSettings } from '../settings/settings-read';
import { LOCAL_KEYS } from '../storage-keys';
import { readConsentMap } from '../consent/consent-read';

/**
 * The content script's view of consent and the cookie/banner settings (storage.local holds no
 * PII, so content scripts may read it). Changes arrive at once: revoking stops capture on the page.
 * Read without zod (same results as the background's schemas; issue 11: the script stays small).
 */
export async function readPageConsent(): Promise<PageConsentState> {
  const stored = await browser.storage.local.get([LOCAL_KEYS.consent, LOCAL_KEYS.settings]);
  return { consent: readConsentMap(stored[LOCAL_KEYS.consent]), settings: readStoredSettings(stored[LOCAL_KEYS.settings]) };
}

export function watchPageConsent(onChange: (state: PageConsentState) => void): () => void {
  const listener = (changes: Record<string, unknown>, area: string) => {
    if (area === 'local' && (LOCAL_KEYS.consent in changes || LOCAL_KEYS.settings in changes)) void readPageConsent().then(onChange);
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}
