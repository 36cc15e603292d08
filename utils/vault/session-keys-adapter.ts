import { bytesToHex, hexToBytes } from '@noble/hashes/utils.js';
import { browser } from 'wxt/browser';
import type { BrowserPorts } from '../background-deps';
import { SESSION_KEYS } from '../storage-keys';

/**
 * Unlocked key material lives only in storage.session: memory-only, cleared by the browser
 * when it closes, and (with TRUSTED_CONTEXTS) unreadable by content scripts. Never
 * storage.local, never a message to a content script.
 */
interface StoredSessionKeys {
  publicKey: string;
  secretKey: string;
  dataKey: string;
}

/**
 * Chromium's default is already TRUSTED_CONTEXTS; set it explicitly so a future change of the
 * default (or of another concern's code) cannot expose the keys to content scripts.
 */
export async function restrictSessionStorageToTrustedContexts(): Promise<void> {
  const session = browser.storage.session as { setAccessLevel?: (o: { accessLevel: string }) => Promise<void> };
  if (typeof session.setAccessLevel === 'function') await session.setAccessLevel({ accessLevel: 'TRUSTED_CONTEXTS' });
}

export const sessionKeyStore: BrowserPorts['sessionKeys'] = {
  async read() {
    const stored = await browser.storage.session.get([SESSION_KEYS.unlockedKeys, SESSION_KEYS.lastActivityAt]);
    const raw = stored[SESSION_KEYS.unlockedKeys] as Partial<StoredSessionKeys> | undefined;
    const last = stored[SESSION_KEYS.lastActivityAt];
    const keys =
      raw && typeof raw.secretKey === 'string' && typeof raw.publicKey === 'string' && typeof raw.dataKey === 'string'
        ? { publicKey: hexToBytes(raw.publicKey), secretKey: hexToBytes(raw.secretKey), dataKey: hexToBytes(raw.dataKey) }
        : null;
    return { keys, lastActivityAt: typeof last === 'number' ? last : null };
  },
  async write(keys, now) {
    const stored: StoredSessionKeys = { publicKey: bytesToHex(keys.publicKey), secretKey: bytesToHex(keys.secretKey), dataKey: bytesToHex(keys.dataKey) };
    await browser.storage.session.set({ [SESSION_KEYS.unlockedKeys]: stored, [SESSION_KEYS.lastActivityAt]: now });
  },
  async touch(now) {
    await browser.storage.session.set({ [SESSION_KEYS.lastActivityAt]: now });
  },
  async clear() {
    await browser.storage.session.remove([SESSION_KEYS.unlockedKeys, SESSION_KEYS.lastActivityAt]);
  },
};
