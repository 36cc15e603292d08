import type { CSSProperties, MouseEvent } from 'react';
import { formatDate, formatDateTime, formatNumber, i18n } from '../common/i18n';
import { storedFormatText } from '../export-pipeline/export-format-text';
import type { BuyerPii } from '../../utils/vault/buyer-pii';
import { orderStatusText, piiStateText } from './order-status-text';
import { HeldPageFact } from './HeldPageFact';
import { ShipByBadge } from './ShipByBadge';
import type { OrderSummaryRow } from '../../utils/orders/orders-messages';

export interface OrderRowProps {
  row: OrderSummaryRow | undefined;
  index: number;
  selected: boolean;
  /** Opened buyer data (only while unlocked, only for rows on screen). */
  buyer: BuyerPii | undefined;
  now: number;
  style: CSSProperties;
  onToggle: (index: number, orderSn: string, shiftKey: boolean) => void;
}

/** One order in the popup list. Captured values are rendered as React text, never as HTML. */
export function OrderRow({ row, index, selected, buyer, now, style, onToggle }: OrderRowProps) {
  if (!row) {
    return (
      <div className="sv-order-row sv-order-row--loading" style={style}>
        <span className="sv-muted">{i18n.t('export.list.loading')}</span>
      </div>
    );
  }
  const onClick = (event: MouseEvent<HTMLInputElement>) => onToggle(index, row.orderSn, event.shiftKey);
  return (
    <div className="sv-order-row" style={style} data-testid="order-row" data-order-sn={row.orderSn} data-selected={selected}>
      <input type="checkbox" checked={selected} onClick={onClick} onChange={() => undefined} aria-label={i18n.t('export.list.selectOrder', [row.orderSn])} />
      <div className="sv-order-row__main">
        <div className="sv-order-row__line">
          <span className="sv-order-row__sn">{row.orderSn}</span>
          <span className="sv-muted">{orderStatusText(row.status)}</span>
          <ShipByBadge shipBy={row.shipBy} shipped={row.shippedAt !== null} now={now} />
          {row.exportedAt !== null && (
            // When and how (issue 14): the last export's time and format; the full list is in Options › Export history.
            <span
              className="sv-badge"
              data-testid="order-exported"
              title={i18n.t('shippingRun.history.exportedAs', [formatDateTime(row.exportedAt), storedFormatText(row.exportFormat)])}
            >
              {i18n.t('export.list.exported')} {formatDate(row.exportedAt)} · {storedFormatText(row.exportFormat)}
            </span>
          )}
          {row.packages.length > 0 && (
            <span className="sv-muted" data-testid="order-tracking">
              {i18n.t('export.list.tracking', [row.packages.map((p) => (p.carrier ? `${p.carrier} ${p.trackingNumber}` : p.trackingNumber)).join(', ')])}
            </span>
          )}
          {row.timesUncertain && (
            <span className="sv-badge" title={i18n.t('export.list.timesUncertain')} data-testid="times-uncertain">
              ≈
            </span>
          )}
          {row.addressReview && (
            <span className="sv-badge sv-badge--warn" data-testid="address-changed" data-review={row.addressReview}>
              {row.addressReview === 'changed' ? i18n.t('export.list.addressChanged') : i18n.t('export.list.addressToReview')}
            </span>
          )}
          {row.heldPageFact && <HeldPageFact orderSn={row.orderSn} fact={row.heldPageFact} />}
        </div>
        <div className="sv-order-row__line sv-order-row__buyer">
          {buyer ? (
            <>
              <span data-testid="buyer-name">{buyer.name}</span>
              <span className="sv-muted" data-testid="buyer-address">
                {[buyer.addressLine1, buyer.city, buyer.state, buyer.postcode, buyer.countryCode ?? buyer.country].filter(Boolean).join(', ')}
              </span>
            </>
          ) : (
            <span className="sv-muted">
              {piiStateText(row.piiState)} · {i18n.t('export.list.items', row.itemCount, [formatNumber(row.itemCount)])}
            </span>
          )}
        </div>
      </div>
    </div>
  );
}
