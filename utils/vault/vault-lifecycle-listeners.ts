import { browser } from 'wxt/browser';
import type { BackgroundDeps } from '../background-deps';
import { LOCAL_KEYS } from '../storage-keys';
import { restrictSessionStorageToTrustedContexts } from './session-keys-adapter';
import { enforceIdleLock, lockVault, requireUnlockedKeys } from './vault-service';
import { AUTO_LOCK_ALARM } from './vault-state';

function logFailure(what: string) {
  return (err: unknown) => console.error(`[seller-vault] vault ${what} failed`, err);
}

/**
 * Wires the lock lifecycle (issue 4). Call synchronously from the background's main so the
 * listeners exist before the event that woke the worker is dispatched.
 * - idle alarm → lock when the idle time has passed
 * - browser start → locked (Chromium already cleared storage.session; clear again to be sure)
 * - every worker wake → idle check (the alarm may have been missed while the worker slept)
 * - auto-lock setting changed → re-arm the alarm from the last activity
 */
export function registerVaultLifecycle(deps: BackgroundDeps): void {
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === AUTO_LOCK_ALARM) enforceIdleLock(deps).catch(logFailure('auto-lock'));
  });
  browser.runtime.onStartup.addListener(() => {
    lockVault(deps, 'background', 'browser-start').catch(logFailure('startup lock'));
  });
  browser.storage.onChanged.addListener((changes, area) => {
    if (area !== 'local' || !(LOCAL_KEYS.settings in changes)) return;
    // Re-arms from "now": changing the setting is itself vault activity in the options page.
    enforceIdleLock(deps)
      .then((locked) => (locked ? undefined : requireUnlockedKeys(deps).then(() => undefined)))
      .catch(() => undefined);
  });
  restrictSessionStorageToTrustedContexts().catch(logFailure('session access level'));
  enforceIdleLock(deps).catch(logFailure('wake check'));
}
