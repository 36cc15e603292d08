import { browser } from 'wxt/browser';
import type { BrowserPorts } from '../background-deps';
import { NEXT_PURGE_ALARM, SWEEP_ALARM, SWEEP_PERIOD_MINUTES } from './retention-alarms';

export const retentionAlarms: BrowserPorts['retentionAlarms'] = {
  // Alarms survive worker restarts but not every browser update or profile restore; checked at
  // every wake and re-created only when missing, so an existing sweep keeps its schedule.
  async ensureSweep() {
    if (await browser.alarms.get(SWEEP_ALARM)) return false;
    await browser.alarms.create(SWEEP_ALARM, { periodInMinutes: SWEEP_PERIOD_MINUTES, delayInMinutes: SWEEP_PERIOD_MINUTES });
    return true;
  },
  async armNextPurge(delayMinutes) {
    if (delayMinutes === null) await browser.alarms.clear(NEXT_PURGE_ALARM);
    else await browser.alarms.create(NEXT_PURGE_ALARM, { delayInMinutes: delayMinutes });
  },
};
