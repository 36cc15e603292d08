import { defineConfig } from 'wxt';

/** Seller-center hosts the extension may read (ARCHITECTURE: hosts). Nothing else. */
export const SELLER_CENTER_MATCHES = [
  'https://agentseller.temu.com/*',
  'https://agentseller-us.temu.com/*',
  'https://agentseller-eu.temu.com/*',
  'https://seller.temu.com/*',
  'https://seller.kuajingmaihuo.com/*',
];

export default defineConfig({
  srcDir: '.',
  // Lets parallel builds (e.g. one per e2e run) write to separate folders; default .output.
  outDir: process.env.SV_OUT_DIR ?? '.output',
  modules: ['@wxt-dev/module-react', '@wxt-dev/webextension-polyfill', '@wxt-dev/i18n/module'],
  manifest: {
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    // unlimitedStorage: keeps the vault from being evicted under disk pressure
    // (a seller's only copy of today's addresses) — see docs/decisions.md.
    permissions: ['storage', 'alarms', 'downloads', 'unlimitedStorage'],
    host_permissions: SELLER_CENTER_MATCHES,
  },
  vite: () => ({
    build: { chunkSizeWarningLimit: 4096 },
  }),
});
