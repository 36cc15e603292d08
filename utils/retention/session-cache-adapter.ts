import { browser } from 'wxt/browser';
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

export async function listSessionCacheKeys(): Promise<string[]> {
  const all = await browser.storage.session.get(null);
  return Object.keys(all).filter((key) => !isOwnedKey(key));
}

export async function clearSessionCaches(): Promise<number> {
  const keys = await listSessionCacheKeys();
  if (keys.length > 0) await browser.storage.session.remove(keys);
  return keys.length;
}
