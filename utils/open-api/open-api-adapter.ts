import { browser } from 'wxt/browser';
import type { BrowserPorts } from '../background-deps';
import { hostPermissionOf, OPEN_API_HOST_PERMISSIONS } from './open-api-regions';

export const OPEN_API_SYNC_ALARM = 'open-api-sync';

/**
 * The Open API port over the browser: fetch from the service worker (CORS does not apply once the
 * host permission is granted), chrome.permissions for the optional hosts, chrome.alarms for the sync.
 */
export const openApiPort: BrowserPorts['openApi'] = {
  transport: {
    async post(url, body) {
      // No cookies, no referrer: the request carries only what was signed.
      const response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body,
        credentials: 'omit',
        referrerPolicy: 'no-referrer',
        cache: 'no-store',
      });
      return { status: response.status, text: await response.text() };
    },
  },
  hasHostAccess: (region) => browser.permissions.contains({ origins: [hostPermissionOf(region)] }),
  async removeHostAccess() {
    await browser.permissions.remove({ origins: [...OPEN_API_HOST_PERMISSIONS] });
  },
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  async scheduleSync(everyMinutes) {
    if (everyMinutes === null) await browser.alarms.clear(OPEN_API_SYNC_ALARM);
    else await browser.alarms.create(OPEN_API_SYNC_ALARM, { delayInMinutes: everyMinutes, periodInMinutes: everyMinutes });
  },
};
