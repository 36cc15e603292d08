import { i18n } from '#i18n';
import { browser } from 'wxt/browser';
import type { BrowserPorts } from '../background-deps';
import { showShipByBadge } from '../toolbar-badge/toolbar-badge-adapter';
import { SHIP_BY_MORNING_ALARM, SHIP_BY_RECOUNT_ALARM } from './ship-by-schedule';

/**
 * The ship-by alerts' browser side (issue 14): its part of the toolbar badge, two alarms, one
 * notification.
 */
export const shipByAlertsAdapter: BrowserPorts['shipByAlerts'] = {
  // Shared with the compliance deadlines, which win (utils/toolbar-badge).
  showBadge: showShipByBadge,
  async scheduleRecount(at) {
    await browser.alarms.create(SHIP_BY_RECOUNT_ALARM, { when: at });
  },
  async scheduleMorning(at) {
    if (at === null) await browser.alarms.clear(SHIP_BY_MORNING_ALARM);
    // Re-created only when missing or moved, so a refresh after every write keeps the schedule.
    else if ((await browser.alarms.get(SHIP_BY_MORNING_ALARM))?.scheduledTime !== at) await browser.alarms.create(SHIP_BY_MORNING_ALARM, { when: at });
  },
  async notify(dueCount) {
    await browser.notifications.create('ship-by-due', {
      type: 'basic',
      iconUrl: browser.runtime.getURL('/icon/128.png'),
      title: i18n.t('shippingRun.alerts.noticeTitle'),
      message: i18n.t('shippingRun.alerts.noticeBody', dueCount, [String(dueCount)]),
    });
  },
};
