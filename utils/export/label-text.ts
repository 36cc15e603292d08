import type { BuyerPii } from '../vault/buyer-pii';
import type { ReturnAddress } from '../settings/settings-schema';
import type { ShipmentLabel } from './shipment-label';
import { postalAddressLines } from './address-format';

/**
 * The words every format prints, in one place so PDF, ZPL and the packing slip agree.
 * Headings are English on purpose: the label is read by carriers, not by the seller.
 */
export const LABEL_HEADINGS = { from: 'FROM', shipTo: 'SHIP TO', order: 'ORDER', items: 'ITEMS', shipBy: 'SHIP BY' } as const;

const present = (value: string | null | undefined): value is string => !!value && value.trim().length > 0;
const joinPresent = (parts: (string | null | undefined)[], separator: string) =>
  parts
    .filter(present)
    .map((p) => p.trim())
    .join(separator);

/** Postal lines of the buyer (no name, no phone), in the destination country's convention (address-format.ts). */
export function shipToAddressLines(to: BuyerPii): string[] {
  return postalAddressLines(to);
}

export function shipToPhoneLine(to: BuyerPii): string | null {
  return present(to.phone) ? `Tel ${to.phone.trim()}` : null;
}

/** Seller's return address as lines (name/company first); empty fields are skipped. */
export function shipFromLines(from: ReturnAddress): string[] {
  return [
    joinPresent([from.name, from.company], ' · '),
    from.addressLine1,
    from.addressLine2,
    joinPresent([from.city, joinPresent([from.state, from.postcode], ' ')], ', '),
    from.country,
    present(from.phone) ? `Tel ${from.phone.trim()}` : null,
  ].filter(present);
}

/** "SKU × qty" per item; the title stands in when the SKU is unknown. */
export function itemSummaryLines(items: ShipmentLabel['items']): string[] {
  return items.map((item) => `${joinPresent([item.sku ?? item.title, item.spec], ' ')} × ${item.quantity}`);
}

export function totalQuantity(items: ShipmentLabel['items']): number {
  return items.reduce((sum, item) => sum + item.quantity, 0);
}

/** YYYY-MM-DD of `at` shifted by `utcOffsetMinutes` (the seller's zone; 0 = UTC). */
export function formatDate(at: number, utcOffsetMinutes = 0): string {
  return new Date(at + utcOffsetMinutes * 60_000).toISOString().slice(0, 10);
}

export function shipByText(shipBy: number | null, utcOffsetMinutes = 0): string {
  return shipBy === null ? '—' : formatDate(shipBy, utcOffsetMinutes);
}
