import { i18n } from '../common/i18n';
import type { OpenApiProblem, OpenApiSyncReport } from '../../utils/open-api/open-api-messages';

/** The seller's sentence for why a connect, test or sync stopped. */
export function problemText(problem: OpenApiProblem): string {
  // The gateway's own text is shown as plain text (React escapes it), never as markup.
  // Message names allow letters, digits and _ only: `token-expired` is written `tokenExpired`.
  const key = problem.kind.replace(/-(\w)/g, (_m, c: string) => c.toUpperCase());
  // Some of these messages use the detail ($1) and some do not: one loose signature for all of them.
  const translate = i18n.t as unknown as (name: string, substitutions: string[]) => string;
  return translate(`openApi.problem.${key}`, [problem.detail]);
}

export function syncFoundText(report: OpenApiSyncReport): string {
  return i18n.t('openApi.found', [String(report.toShip), String(report.addresses), String(report.decrypted), String(report.alreadyHeld)]);
}

/** Only when something was left out: still masked, failed orders, or addresses the vault skipped. */
export function syncTroubleText(report: OpenApiSyncReport): string | null {
  const skipped = report.skipped.filter((s) => s.reason !== 'unchanged').reduce((n, s) => n + s.count, 0);
  if (report.stillMasked + report.failedOrders + skipped === 0) return null;
  return i18n.t('openApi.trouble', [String(report.stillMasked), String(report.failedOrders), String(skipped)]);
}
