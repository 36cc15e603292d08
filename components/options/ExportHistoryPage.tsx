import { formatDateTime, i18n } from '../common/i18n';
import { storedFormatText } from '../export-pipeline/export-format-text';
import { EXPORT_FORMATS, type ExportFormat } from '../../utils/export/shipment-label';
import { useBackground } from '../common/use-background';
import { openExportPage } from '../export-pipeline/export-page-adapter';

/**
 * Options › Export history (issue 14): each export's time, format, file and orders; "Repeat"
 * runs it again (print view and PDFs in the export tab, CSV and ZPL there too) for the orders
 * whose buyer data is still held. Only order numbers are listed, never names or addresses.
 */
export function ExportHistoryPage() {
  const history = useBackground('export/history', { limit: 100 });
  const entries = history.data ?? [];
  // Every format runs in the export tab from here (the options page has no export bar).
  const repeat = (orderSns: string[], format: ExportFormat) => openExportPage({ orderSns, format });
  return (
    <section data-testid="ExportHistoryPage">
      <h2>{i18n.t('options.nav.history')}</h2>
      <p className="sv-muted">{i18n.t('shippingRun.history.intro')}</p>
      {history.error && <p className="sv-error">{history.error.message}</p>}
      {entries.length === 0 && !history.loading && <p className="sv-muted">{i18n.t('shippingRun.history.empty')}</p>}
      <table className="sv-table">
        <tbody>
          {entries.map((entry) => {
            const format = (EXPORT_FORMATS as readonly string[]).includes(entry.format) ? (entry.format as ExportFormat) : null;
            return (
              <tr key={entry.id} data-testid="history-entry" data-format={entry.format} data-state={entry.state}>
                <td>{formatDateTime(entry.createdAt)}</td>
                <td>{storedFormatText(entry.format)}</td>
                <td>
                  {entry.fileName || '—'}
                  {/* Removed by retention, a deletion, or after the browser closed mid-write (issue 16): not on disk any more. */}
                  {entry.state === 'removed' && <span className="sv-muted"> — {i18n.t('shippingRun.history.fileRemoved')}</span>}
                </td>
                <td title={entry.orderSns.join(', ')}>
                  {i18n.t('shippingRun.history.orders', entry.orderSns.length, [String(entry.orderSns.length), String(entry.stillHeld.length)])}
                </td>
                <td>
                  <button type="button" disabled={!format || entry.stillHeld.length === 0} onClick={() => format && repeat(entry.stillHeld, format)} data-testid="history-repeat">
                    {i18n.t('shippingRun.history.repeat')}
                  </button>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}
