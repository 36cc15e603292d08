import { i18n } from '../common/i18n';
import type { ShopConsent } from '../../utils/consent/consent-schema';
import type { OrderFilterState } from './order-list-reads';

/** Filter chips, shop picker and order-number search above the popup list. */
export function OrderFilters({ value, shops, onChange }: { value: OrderFilterState; shops: ShopConsent[]; onChange: (next: OrderFilterState) => void }) {
  const toggle = (key: 'toShip' | 'notExported' | 'shipByDue', label: string) => (
    <label className="sv-chip">
      <input type="checkbox" checked={value[key]} onChange={(e) => onChange({ ...value, [key]: e.target.checked })} data-testid={`filter-${key}`} />
      {label}
    </label>
  );
  return (
    <div className="sv-order-filters">
      {toggle('toShip', i18n.t('export.filter.toShip'))}
      {toggle('notExported', i18n.t('export.filter.notExported'))}
      {toggle('shipByDue', i18n.t('export.filter.shipByDue'))}
      {shops.length > 1 && (
        <select value={value.shopId} onChange={(e) => onChange({ ...value, shopId: e.target.value })} aria-label={i18n.t('export.filter.shop')}>
          <option value="">{i18n.t('export.filter.allShops')}</option>
          {shops.map((s) => (
            <option key={s.shopId} value={s.shopId}>
              {s.displayName || s.shopId}
            </option>
          ))}
        </select>
      )}
      <input
        type="search"
        value={value.orderSnQuery}
        maxLength={64}
        placeholder={i18n.t('export2.searchPlaceholder')}
        aria-label={i18n.t('export.filter.search')}
        data-testid="order-search"
        onChange={(e) => onChange({ ...value, orderSnQuery: e.target.value })}
      />
    </div>
  );
}
