import { browser } from 'wxt/browser';
import { PASSPHRASE_DICTIONARIES_FILE, type PassphraseDictionaries } from './passphrase-estimator';

/**
 * The passphrase dictionaries as packaged with the extension (written at build time from
 * @zxcvbn-ts/language-common, wxt.config.ts). The service worker reads them only when a
 * passphrase is set or changed, so they are not parsed on every wake (issue 11). A missing or
 * broken file fails the set-up: a passphrase is never accepted unchecked.
 */
export const packagedPassphraseDictionaries = {
  async load(): Promise<PassphraseDictionaries> {
    const url = browser.runtime.getURL(`/${PASSPHRASE_DICTIONARIES_FILE}` as '/');
    const response = await fetch(url);
    if (!response.ok) throw new Error(`${PASSPHRASE_DICTIONARIES_FILE}: HTTP ${response.status}`);
    const data = (await response.json()) as Partial<PassphraseDictionaries>;
    if (typeof data.dictionary !== 'object' || data.dictionary === null || typeof data.graphs !== 'object' || data.graphs === null) {
      throw new Error(`${PASSPHRASE_DICTIONARIES_FILE}: not the dictionaries`);
    }
    return data as PassphraseDictionaries;
  },
};
