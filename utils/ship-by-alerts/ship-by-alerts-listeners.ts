import { browser } from 'wxt/browser';
import type { ShipByAlerts } from './ship-by-alerts';
import { isShipByAlarm, SHIP_BY_MORNING_ALARM } from './ship-by-schedule';

/** Debounce of the recount after writes: a capture page writes many times in a burst. */
const REFRESH_DELAY_MS = 1_500;

/**
 * Wires the ship-by alerts (issue 14): their alarms, install / startup, this wake, and a recount
 * shortly after writes (`refreshSoon`, called from deps.notifyChanged in the composition root).
 * Listeners are added synchronously, so an alarm that wakes the worker is delivered.
 */
export function registerShipByAlerts(alerts: ShipByAlerts): { refreshSoon: () => void } {
  const logged = (what: string, run: () => Promise<unknown>) => {
    run().catch((err) => console.error(`[seller-vault] ship-by alerts (${what}) failed`, err));
  };
  browser.alarms.onAlarm.addListener((alarm) => {
    if (!isShipByAlarm(alarm.name)) return;
    logged(alarm.name, () => (alarm.name === SHIP_BY_MORNING_ALARM ? alerts.morning() : alerts.refresh()));
  });
  browser.runtime.onInstalled.addListener(() => logged('install', () => alerts.refresh()));
  browser.runtime.onStartup.addListener(() => logged('startup', () => alerts.refresh()));
  logged('wake', () => alerts.refresh());
  let timer: ReturnType<typeof setTimeout> | null = null;
  return {
    refreshSoon() {
      if (timer) clearTimeout(timer);
      timer = setTimeout(() => {
        timer = null;
        logged('write', () => alerts.refresh());
      }, REFRESH_DELAY_MS);
    },
  };
}
