import { browser } from 'wxt/browser';
import type { BrowserPorts } from '../background-deps';
import { AUTO_LOCK_ALARM } from './vault-state';

/** One-shot alarm at the idle deadline (re-created on every vault use); null clears it. */
export const autoLockAlarm: BrowserPorts['autoLockAlarm'] = {
  async schedule(at) {
    if (at == null) {
      await browser.alarms.clear(AUTO_LOCK_ALARM);
      return;
    }
    // Chromium fires alarms no sooner than 30 s from now; the wake/use checks cover the gap.
    await browser.alarms.create(AUTO_LOCK_ALARM, { when: at });
  },
};
