import { browser } from 'wxt/browser';
import type { BrowserPorts } from '../background-deps';
import { LOCAL_KEYS } from '../storage-keys';
import { parseStoredSettings, settingsSchema } from './settings-schema';

/** storage.local `settings` (no PII: content scripts may read it). */
export const settingsStore: BrowserPorts['settings'] = {
  async read() {
    const stored = await browser.storage.local.get(LOCAL_KEYS.settings);
    return parseStoredSettings(stored[LOCAL_KEYS.settings]);
  },
  async write(patch) {
    const next = settingsSchema.parse({ ...(await settingsStore.read()), ...patch });
    await browser.storage.local.set({ [LOCAL_KEYS.settings]: next });
    return next;
  },
};
