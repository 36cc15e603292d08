import { i18n } from '#i18n';
import { browser } from 'wxt/browser';

/** One notice per 10 minutes: a page retrying captures on a full disk must not flood the seller. */
const NOTICE_INTERVAL_MS = 10 * 60_000;

/**
 * What the seller sees when a write fails because the disk is full (issue 16): captures come from
 * the seller-center tab, where no extension page is open to show the error, so a notification says
 * it (localized), at most once per interval. Pages show the same text for the `quota` reply.
 */
export function createStorageFullAlert(now: () => number) {
  let lastNoticeAt = Number.NEGATIVE_INFINITY;
  return {
    async notify(): Promise<void> {
      if (now() - lastNoticeAt < NOTICE_INTERVAL_MS) return;
      lastNoticeAt = now();
      await browser.notifications.create('storage-full', {
        type: 'basic',
        iconUrl: browser.runtime.getURL('/icon/128.png'),
        title: i18n.t('storage.fullTitle'),
        message: i18n.t('storage.full'),
        priority: 2,
      });
    },
  };
}
