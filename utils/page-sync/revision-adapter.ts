import { browser } from 'wxt/browser';
import { SESSION_KEYS } from '../storage-keys';

/** Bumps the session revision so open extension pages (useBackground) refetch. */
export async function bumpRevision(): Promise<void> {
  const stored = await browser.storage.session.get(SESSION_KEYS.revision);
  const current = Number(stored[SESSION_KEYS.revision] ?? 0);
  await browser.storage.session.set({ [SESSION_KEYS.revision]: current + 1 });
}
