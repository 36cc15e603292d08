import { i18n } from '#i18n';
import { browser } from 'wxt/browser';
import type { BrowserPorts } from '../background-deps';
import { showComplianceBadge } from '../toolbar-badge/toolbar-badge-adapter';
import { COMPLIANCE_CHECK_ALARM, COMPLIANCE_SWEEP_ALARM, COMPLIANCE_SWEEP_MINUTES } from './compliance-alarms';

/**
 * The toolbar badge (chrome.action) and notifications (the `notifications` permission,
 * docs/decisions.md) for compliance deadlines, and their alarms.
 */
export const deadlineSignalsAdapter: BrowserPorts['deadlineSignals'] = {
  // Shared with the ship-by alerts; compliance wins (utils/toolbar-badge).
  showBadge: showComplianceBadge,
  async notify(key, what) {
    const due = new Date(what.dueAt).toLocaleString();
    await browser.notifications.create(`sv-deadline:${key}`, {
      type: 'basic',
      iconUrl: browser.runtime.getURL('/icon/128.png'),
      title: what.kind === 'request' ? i18n.t('compliance.notify.requestTitle') : i18n.t('compliance.notify.incidentTitle'),
      message: what.kind === 'request' ? i18n.t('compliance.notify.requestBody', [String(what.id), due]) : i18n.t('compliance.notify.incidentBody', [String(what.id), due]),
    });
  },
  async armCheck(at) {
    if (at === null) await browser.alarms.clear(COMPLIANCE_CHECK_ALARM);
    // Chromium fires alarms no sooner than 30 s ahead; the sweep covers anything missed.
    else await browser.alarms.create(COMPLIANCE_CHECK_ALARM, { when: at });
  },
  async ensureSweep() {
    if (await browser.alarms.get(COMPLIANCE_SWEEP_ALARM)) return;
    await browser.alarms.create(COMPLIANCE_SWEEP_ALARM, { periodInMinutes: COMPLIANCE_SWEEP_MINUTES, delayInMinutes: 1 });
  },
};
