import { formatNumber, i18n } from '../common/i18n';
import type { ExportSkipReason, PreparedExport } from '../../utils/export-jobs/export-messages';

const SKIP_REASON_TEXT = {
  'unknown-order': 'export.skipped.unknownOrder',
  'no-buyer-data': 'export.skipped.noBuyerData',
  'cannot-decrypt': 'export.skipped.cannotDecrypt',
  held: 'shippingRun.precheck.held',

  erased: 'export.skipped.erased',
} as const satisfies Record<ExportSkipReason, string>;

/** Orders left out of an export, each with why (so the seller can re-capture them). */
export function SkippedOrders({ skipped }: { skipped: PreparedExport['skipped'] }) {
  if (skipped.length === 0) return null;
  return (
    <details className="sv-skipped" data-testid="skipped-orders" open={skipped.length <= 10}>
      <summary>{i18n.t('export.skipped.title', skipped.length, [formatNumber(skipped.length)])}</summary>
      <ul>
        {skipped.map((s) => (
          <li key={s.orderSn}>
            {s.orderSn}: {i18n.t(SKIP_REASON_TEXT[s.reason])}
          </li>
        ))}
      </ul>
    </details>
  );
}
