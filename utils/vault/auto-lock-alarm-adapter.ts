import { browser } from 'wxt/browser';

export const AUTO_LOCK_ALARM = 'vault-auto-lock';

/** One-shot alarm at the idle deadline (re-created on every vault use); null clears it. */
export async function scheduleAutoLockAlarm(at: number | null): Promise<void> {
  if (at == null) {
    await browser.alarms.clear(AUTO_LOCK_ALARM);
    return;
  }
  // Chromium fires alarms no sooner than 30 s from now; the wake/use checks cover the gap.
  await browser.alarms.create(AUTO_LOCK_ALARM, { when: at });
}
