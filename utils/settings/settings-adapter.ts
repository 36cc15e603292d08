import { browser } from 'wxt/browser';
import { LOCAL_KEYS } from '../storage-keys';
import { parseStoredSettings, settingsSchema, type Settings, type SettingsPatch } from './settings-schema';

export async function readSettings(): Promise<Settings> {
  const stored = await browser.storage.local.get(LOCAL_KEYS.settings);
  return parseStoredSettings(stored[LOCAL_KEYS.settings]);
}

export async function writeSettings(patch: SettingsPatch): Promise<Settings> {
  const next = settingsSchema.parse({ ...(await readSettings()), ...patch });
  await browser.storage.local.set({ [LOCAL_KEYS.settings]: next });
  return next;
}
