import { i18n } from '#i18n';
import type { ExportSkipReason } from '../../utils/export-jobs/export-messages';
import type { PreparedExport } from '../../utils/export-jobs/export-messages';

function reasonLabel(reason: ExportSkipReason): string {
  switch (reason) {
    case 'unknown-order':
      return i18n.t('export.skipped.unknownOrder');
    case 'no-buyer-data':
      return i18n.t('export.skipped.noBuyerData');
    case 'cannot-decrypt':
      return i18n.t('export.skipped.cannotDecrypt');
  }
}

/** Orders left out of an export, each with why (so the seller can re-capture them). */
export function SkippedOrders({ skipped }: { skipped: PreparedExport['skipped'] }) {
  if (skipped.length === 0) return null;
  return (
    <details className="sv-skipped" data-testid="skipped-orders" open={skipped.length <= 10}>
      <summary>{i18n.t('export.skipped.title', [String(skipped.length)])}</summary>
      <ul>
        {skipped.map((s) => (
          <li key={s.orderSn}>
            {s.orderSn}: {reasonLabel(s.reason)}
          </li>
        ))}
      </ul>
    </details>
  );
}
