import { browser } from 'wxt/browser';
import type { BrowserPorts } from '../background-deps';
import { SESSION_KEY_PREFIXES, SESSION_KEYS } from '../storage-keys';

/**
 * storage.session keys registered in SESSION_KEYS / SESSION_KEY_PREFIXES are owned state (lock
 * keys, revision counter, per-tab shop ids).
 * Anything else there is a cache. By design nothing decrypted is cached (buyers are opened per
 * read and never stored in plaintext), so this normally finds nothing; it exists so "clear all"
 * and the 90-day check can prove that.
 */
const OWNED_SESSION_KEYS: ReadonlySet<string> = new Set(Object.values(SESSION_KEYS));
const isOwnedKey = (key: string) => OWNED_SESSION_KEYS.has(key) || Object.values(SESSION_KEY_PREFIXES).some((p) => key.startsWith(p));

async function listCacheKeys(): Promise<string[]> {
  const all = await browser.storage.session.get(null);
  return Object.keys(all).filter((key) => !isOwnedKey(key));
}

export const sessionCaches: BrowserPorts['sessionCaches'] = {
  list: listCacheKeys,
  async clear() {
    const keys = await listCacheKeys();
    if (keys.length > 0) await browser.storage.session.remove(keys);
    return keys.length;
  },
};
