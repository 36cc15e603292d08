import { browser } from 'wxt/browser';
import type { BackgroundDeps } from '../background-deps';
import { parseStoredSettings } from '../settings/settings-schema';
import { LOCAL_KEYS } from '../storage-keys';
import { armNextPurgeAlarm } from './next-deadline';
import { purgeDueBuyers, type PurgeResult } from './purge-service';
import { applyRetentionDays } from './retention-days';
import { isRetentionAlarm } from './retention-alarms';

export interface RetentionTriggers {
  /** Re-arms the one-shot alarm at the next purgeAt; called from deps.notifyChanged after every write. */
  rearm: () => Promise<void>;
  /** One full pass: alarms checked, due PII purged, next alarm armed. */
  run: (trigger: string) => Promise<PurgeResult>;
}

/**
 * Wires every retention trigger (issue 5): the alarms, install, browser startup, each worker wake,
 * and settings changes to retentionDays. Listeners are added synchronously, so an alarm or startup
 * event that wakes the worker is delivered. Reads are covered by the vault calling purgeDueBuyers.
 */
export function registerRetention(deps: BackgroundDeps): RetentionTriggers {
  // Never fails the write that called notifyChanged: the 30-min sweep is the fallback.
  const rearm = async () => {
    try {
      const now = deps.now();
      const deadline = await armNextPurgeAlarm(deps, now);
      // Due already (a cancelled order, a lowered period): purge now rather than at the alarm's
      // 30 s minimum. Not awaited — notifyChanged may be running inside a purge (queue deadlock).
      if (deadline != null && deadline <= now) {
        purgeDueBuyers(deps, { trigger: 'write' }).catch((err) => console.error('[seller-vault] retention (write) failed', err));
      }
    } catch (err) {
      console.error('[seller-vault] arming the next purge alarm failed', err);
    }
  };
  // Purge first: an alarms API failure must not hold PII back.
  const run = async (trigger: string) => {
    try {
      return await purgeDueBuyers(deps, { trigger });
    } finally {
      await deps.retentionAlarms.ensureSweep();
      await rearm();
    }
  };
  const runLogged = (trigger: string) => {
    run(trigger).catch((err) => console.error(`[seller-vault] retention (${trigger}) failed`, err));
  };

  browser.alarms.onAlarm.addListener((alarm) => {
    if (isRetentionAlarm(alarm.name)) runLogged(`alarm:${alarm.name}`);
  });
  browser.runtime.onInstalled.addListener(() => runLogged('install'));
  browser.runtime.onStartup.addListener(() => runLogged('startup'));
  browser.storage.onChanged.addListener((changes, area) => {
    const change = area === 'local' ? changes[LOCAL_KEYS.settings] : undefined;
    if (!change) return;
    const before = parseStoredSettings(change.oldValue).retentionDays;
    const after = parseStoredSettings(change.newValue).retentionDays;
    if (after >= before) return;
    applyRetentionDays(deps, after, 'background')
      .then(async (broughtForward) => {
        if (broughtForward > 0) await deps.notifyChanged();
        return run('retention-days');
      })
      .catch((err) => console.error('[seller-vault] applying retentionDays failed', err));
  });
  runLogged('wake');
  return { rearm, run };
}
