import { LABEL_HEADINGS, itemSummaryLines, shipByText, shipFromLines, shipToAddressLines, shipToPhoneLine } from '../../utils/export/label-text';
import type { ShipmentLabel } from '../../utils/export/shipment-label';
import { PrintBarcode } from './PrintBarcode';

/**
 * One label in the print view. Every captured value is a React text node (never HTML); the
 * barcode is SVG rectangles. System fonts, so names print in whatever script they are in.
 */
export function PrintLabel({ label, utcOffsetMinutes }: { label: ShipmentLabel; utcOffsetMinutes: number }) {
  const phone = shipToPhoneLine(label.shipTo);
  return (
    <article className="sv-print-label" data-testid="print-label" data-order-sn={label.orderSn}>
      <section className="sv-print-label__from">
        <h3>{LABEL_HEADINGS.from}</h3>
        {shipFromLines(label.shipFrom).map((line, i) => (
          <div key={i}>{line}</div>
        ))}
      </section>
      <section className="sv-print-label__to">
        <h3>{LABEL_HEADINGS.shipTo}</h3>
        <div className="sv-print-label__name" data-testid="print-name">
          {label.shipTo.name}
        </div>
        {shipToAddressLines(label.shipTo).map((line, i) => (
          <div key={i}>{line}</div>
        ))}
        {phone && <div>{phone}</div>}
      </section>
      <section className="sv-print-label__order">
        <PrintBarcode text={label.orderSn} />
        <div>
          {LABEL_HEADINGS.order} {label.orderSn}
        </div>
        <div>
          {LABEL_HEADINGS.shipBy} {shipByText(label.shipBy, utcOffsetMinutes)}
        </div>
      </section>
      <section className="sv-print-label__items">
        <h3>{LABEL_HEADINGS.items}</h3>
        {itemSummaryLines(label.items).map((line, i) => (
          <div key={i}>{line}</div>
        ))}
      </section>
    </article>
  );
}
