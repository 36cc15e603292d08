import type { BrowserPorts } from '../background-deps';
import { readTrustedCopy, writeTrustedCopy } from '../storage-trust/trusted-copies-adapter';
import { parseStoredSettings, settingsSchema } from './settings-schema';

/**
 * Seller settings (no PII): the trusted copy in the extension's IndexedDB, mirrored to
 * storage.local `settings` for the seller-center script, which may read but cannot change them
 * (utils/storage-trust: e.g. cookie use refused stays refused).
 */
export const settingsStore: BrowserPorts['settings'] = {
  async read() {
    return parseStoredSettings(await readTrustedCopy('settings'));
  },
  async write(patch) {
    const next = settingsSchema.parse({ ...(await settingsStore.read()), ...patch });
    await writeTrustedCopy('settings', next);
    return next;
  },
};
