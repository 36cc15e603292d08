import { i18n } from '../common/i18n';
import { buildPickList } from '../../utils/export/pick-list';
import type { ShipmentLabel } from '../../utils/export/shipment-label';

/** The run's pick list in the print view (issue 14): SKU, item, quantity, orders; no buyer data. */
export function PickListTable({ labels }: { labels: readonly ShipmentLabel[] }) {
  const list = buildPickList(labels);
  return (
    <section className="sv-pick-list" data-testid="pick-list">
      <h2>{i18n.t('shippingRun.pickList.title', list.orderCount, [String(list.orderCount), String(list.totalQuantity)])}</h2>
      <table>
        <thead>
          <tr>
            <th>{i18n.t('shippingRun.pickList.sku')}</th>
            <th>{i18n.t('shippingRun.pickList.item')}</th>
            <th>{i18n.t('shippingRun.pickList.quantity')}</th>
            <th>{i18n.t('shippingRun.pickList.orders')}</th>
          </tr>
        </thead>
        <tbody>
          {list.rows.map((row) => (
            <tr key={`${row.sku ?? row.title}|${row.spec ?? ''}`} data-testid="pick-row">
              <td>{row.sku ?? '—'}</td>
              <td>{[row.title, row.spec].filter(Boolean).join(' · ')}</td>
              <td>{row.quantity}</td>
              <td>{row.orders}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
