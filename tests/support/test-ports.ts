import type { BrowserPorts } from '../../utils/background-deps';
import { browserPorts } from '../../utils/browser-ports-adapter';
import { countryAlpha2 } from '../../utils/geo/country-code';
import { bundledPassphraseDictionaries } from '../../utils/vault/passphrase-strength';

/**
 * The production ports over WXT's fakeBrowser, except the two packaged data files (passphrase
 * dictionaries, country names): the fake browser has no extension package to fetch them from, so
 * tests get the same data from the npm packages (the build writes the files from them; the e2e
 * tests read the real files).
 */
export const testBrowserPorts: BrowserPorts = {
  ...browserPorts,
  countryNames: { lookup: async () => countryAlpha2 },
  passphraseDictionaries: { load: async () => bundledPassphraseDictionaries },
};
