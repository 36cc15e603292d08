import { browser } from 'wxt/browser';
import { LOCAL_KEYS } from '../storage-keys';
import { parseConsentMap, type ConsentMap, type ShopConsent } from './consent-schema';

export async function readConsent(): Promise<ConsentMap> {
  const stored = await browser.storage.local.get(LOCAL_KEYS.consent);
  return parseConsentMap(stored[LOCAL_KEYS.consent]);
}

export async function grantConsent(entry: ShopConsent): Promise<void> {
  const map = await readConsent();
  await browser.storage.local.set({ [LOCAL_KEYS.consent]: { ...map, [entry.shopId]: entry } });
}

export async function revokeConsent(shopId: string): Promise<boolean> {
  const map = await readConsent();
  if (!Object.hasOwn(map, shopId)) return false;
  const { [shopId]: _removed, ...rest } = map;
  await browser.storage.local.set({ [LOCAL_KEYS.consent]: rest });
  return true;
}
