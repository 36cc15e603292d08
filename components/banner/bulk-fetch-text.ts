import { i18n } from '#i18n';
import type { BulkFetchRefusal } from '../../utils/bulk-fetch/bulk-fetch-gate';
import type { StopReason } from '../../utils/bulk-fetch/session-answer';
import type { BulkFetchStatus } from '../../utils/seller-page/bulk-fetch-runner';

/** The texts of bulk fetch, shared by the popup and the in-page panel (one wording for both). */
export function refusalText(refusal: BulkFetchRefusal): string {
  switch (refusal) {
    case 'cookies-refused':
      return i18n.t('bulkFetch.refusal.cookiesRefused');
    case 'bulk-fetch-off':
      return i18n.t('bulkFetch.refusal.bulkFetchOff');
    case 'no-shop':
      return i18n.t('bulkFetch.refusal.noShop');
    case 'not-authorized':
      return i18n.t('bulkFetch.refusal.notAuthorized');
    case 'no-vault':
      return i18n.t('bulkFetch.refusal.noVault');
  }
}

export function stopText(reason: StopReason, detail: string | null): string {
  const d = detail ?? '';
  switch (reason) {
    case 'signature-required':
      return i18n.t('bulkFetch.stop.signatureRequired');
    case 'login-expired':
      return i18n.t('bulkFetch.stop.loginExpired');
    case 'rate-limited':
      return i18n.t('bulkFetch.stop.rateLimited');
    case 'system-busy':
      return i18n.t('bulkFetch.stop.systemBusy');
    case 'http-error':
      return i18n.t('bulkFetch.stop.httpError', [d]);
    case 'seller-center-error':
      return i18n.t('bulkFetch.stop.sellerCenterError', [d]);
    case 'malformed-answer':
      return i18n.t('bulkFetch.stop.malformedAnswer');
    case 'network-error':
      return i18n.t('bulkFetch.stop.networkError');
    case 'page-not-ready':
      return i18n.t('bulkFetch.stop.pageNotReady');
    case 'store-failed':
      return i18n.t('bulkFetch.stop.storeFailed', [d]);
  }
}

export function timeLeftText(ms: number): string {
  const minutes = Math.ceil(ms / 60_000);
  return i18n.t('bulkFetch.timeLeft', [ms >= 60_000 ? i18n.t('bulkFetch.minutes', [String(minutes)]) : i18n.t('bulkFetch.seconds', [String(Math.ceil(ms / 1000))])]);
}

export function progressText(s: BulkFetchStatus): string {
  return i18n.t('bulkFetch.progress', [String(s.attempted), String(s.total), String(s.fetched)]);
}

/** Lines of the summary once a batch is over: counts, then why it stopped (if it did). */
export function summaryLines(s: BulkFetchStatus): string[] {
  const lines: string[] = [];
  if (s.refusal) return [refusalText(s.refusal)];
  if (s.result) {
    const failed = s.result.invalid + (s.stoppedBy ? 1 : 0);
    lines.push(i18n.t('bulkFetch.summary', [String(s.result.stored + s.result.changed), String(s.result.masked), String(failed)]));
  }
  if (s.stoppedBy) lines.push(stopText(s.stoppedBy, s.stopDetail));
  if (s.cancelled) lines.push(i18n.t('bulkFetch.cancelled'));
  const notAttempted = s.total - s.attempted;
  if ((s.stoppedBy || s.cancelled) && notAttempted > 0) lines.push(i18n.t('bulkFetch.notAttempted', notAttempted, [String(notAttempted)]));
  return lines;
}
