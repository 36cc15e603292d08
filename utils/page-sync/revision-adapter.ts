import { browser } from 'wxt/browser';
import { SESSION_KEYS } from '../storage-keys';

/**
 * The page-sync channel: the background bumps a counter in storage.session after every write,
 * and open extension pages re-read what they show. storage.session is trusted-contexts only, so
 * content scripts neither see nor fake it.
 */
export async function bumpRevision(): Promise<void> {
  const stored = await browser.storage.session.get(SESSION_KEYS.revision);
  const current = Number(stored[SESSION_KEYS.revision] ?? 0);
  await browser.storage.session.set({ [SESSION_KEYS.revision]: current + 1 });
}

/** Calls `onBump` after every background write; returns the unsubscribe. */
export function watchRevision(onBump: () => void): () => void {
  const listener = (changes: Record<string, unknown>, area: string) => {
    if (area === 'session' && SESSION_KEYS.revision in changes) onBump();
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}
