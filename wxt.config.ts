import { defineConfig } from 'wxt';
import { SELLER_CENTER_MATCH_PATTERNS } from './utils/capture/seller-center-hosts';
import { COUNTRY_LOCALES } from './utils/geo/country-code';
import { COUNTRY_NAMES_FILE } from './utils/geo/country-lookup';
import { OPEN_API_HOST_PERMISSIONS } from './utils/open-api/open-api-regions';
import { PASSPHRASE_DICTIONARIES_FILE } from './utils/vault/passphrase-estimator';
import { bundledPassphraseDictionaries } from './utils/vault/passphrase-strength';

/** Seller-center hosts the extension may read (ARCHITECTURE: hosts). Nothing else; one list for manifest and content scripts. */
export const SELLER_CENTER_MATCHES = [...SELLER_CENTER_MATCH_PATTERNS];

export default defineConfig({
  srcDir: '.',
  // Lets parallel builds (e.g. one per e2e run) write to separate folders; default .output.
  outDir: process.env.SV_OUT_DIR ?? '.output',
  // No auto-imports: every module names what it uses, so the architecture rules (dependency-cruiser,
  // Biome's restricted globals) see every use of the browser API.
  imports: false,
  modules: ['@wxt-dev/module-react', '@wxt-dev/webextension-polyfill', '@wxt-dev/i18n/module'],
  manifest: {
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    // unlimitedStorage: keeps the vault from being evicted under disk pressure
    // (a seller's only copy of today's addresses) — see docs/decisions.md.
    // notifications: the optional morning ship-by notice (issue 14).

    // notifications: a buyer request or incident deadline coming due (issue 13, docs/decisions.md).
    permissions: ['storage', 'alarms', 'downloads', 'unlimitedStorage', 'notifications'],
    host_permissions: SELLER_CENTER_MATCHES,
    // The Temu Open API gateways: asked for only when the seller connects a self-developed app,
    // given back on disconnect, so the default install keeps the permissions above (issue 12).
    optional_host_permissions: [...OPEN_API_HOST_PERMISSIONS],

    // Bulk fetch's lazily loaded part (issue 12), imported by the seller-center content script;
    // reachable from the seller-center hosts only (it is code, no data).
    web_accessible_resources: [{ resources: ['bulk-fetch.js'], matches: SELLER_CENTER_MATCHES }],
  },
  vite: () => ({
    build: { chunkSizeWarningLimit: 4096 },
    // The export render worker is a module worker (render-in-worker.ts); ES output lets it load
    // the barcode encoder only when the page did not hand the barcodes over (issue 11).
    worker: { format: 'es' },
  }),
  hooks: {
    // Large data the service worker needs rarely, as packaged files instead of bundled code (issue 11:
    // background.js is parsed on every wake). Written from the same npm packages the pages bundle,
    // so both sides check and look up alike: the passphrase dictionaries (~430 KB, read on vault
    // set-up and passphrase change) and the country names (~45 KB, read on the first address capture).
    'build:publicAssets': (_wxt, files) => {
      files.push({ relativeDest: PASSPHRASE_DICTIONARIES_FILE, contents: JSON.stringify(bundledPassphraseDictionaries) });
      files.push({ relativeDest: COUNTRY_NAMES_FILE, contents: JSON.stringify(COUNTRY_LOCALES) });
    },
  },
});
