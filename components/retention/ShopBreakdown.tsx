import { i18n } from '../common/i18n';
import type { ShopRetention } from '../../utils/retention/retention-status';
import { formatDateTime } from './format-time';

/** Buyer data held per shop, with each shop's next deletion. */
export function ShopBreakdown({ shops }: { shops: ShopRetention[] }) {
  if (shops.length === 0) return null;
  return (
    <table data-testid="retention-shops">
      <thead>
        <tr>
          <th>{i18n.t('retention.shop')}</th>
          <th>{i18n.t('retention.orders')}</th>
          <th>{i18n.t('retention.nextPurge')}</th>
        </tr>
      </thead>
      <tbody>
        {shops.map((shop) => (
          <tr key={shop.shopId}>
            <td>{shop.shopId}</td>
            <td>{shop.withPii}</td>
            <td>{shop.nextPurgeAt == null ? '—' : formatDateTime(shop.nextPurgeAt)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
