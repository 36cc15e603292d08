import { browser } from 'wxt/browser';
import type { BackgroundDeps } from '../background-deps';
import { OPEN_API_SYNC_ALARM } from './open-api-adapter';
import { syncOpenApi } from './open-api-service';

/** The sync alarm (issue 12): a sync while unlocked, nothing while locked. Added synchronously so the waking alarm is delivered. */
export function registerOpenApiSync(deps: BackgroundDeps): void {
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name !== OPEN_API_SYNC_ALARM) return;
    syncOpenApi(deps, 'background', 'alarm').catch((err) => console.error('[seller-vault] Open API sync (alarm) failed', err));
  });
}
