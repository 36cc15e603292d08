import { i18n } from '#i18n';
import { browser } from 'wxt/browser';
import type { BrowserPorts } from '../background-deps';
import { SHIP_BY_MORNING_ALARM, SHIP_BY_RECOUNT_ALARM } from './ship-by-schedule';

/**
 * The ship-by alerts' browser side (issue 14): its own badge text, two alarms, one notification.
 * Kept apart from any other badge user: when another concern wants the badge too, the
 * composition root decides how the texts combine.
 */
export const shipByAlertsAdapter: BrowserPorts['shipByAlerts'] = {
  async showBadge(text) {
    await browser.action.setBadgeBackgroundColor({ color: '#c2410c' });
    await browser.action.setBadgeText({ text });
  },
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
      message: i18n.t('shippingRun.alerts.noticeBody', [String(dueCount)]),
    });
  },
};
