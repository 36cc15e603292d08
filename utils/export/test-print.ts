import type { ReturnAddress } from '../settings/settings-schema';
import type { ShipmentLabel } from './shipment-label';

/**
 * The one-page test print of a print profile (issue 14): the seller's own return address as
 * sender, an invented recipient (no buyer's data), long enough lines and a Latin + CJK mix to
 * show the layout's limits on that stock.
 */
export function testPrintLabel(shipFrom: ReturnAddress, now: number): ShipmentLabel {
  return {
    orderSn: 'PO-000-TEST-PRINT',
    shopId: 'test',
    shipBy: now,
    createdAt: now,
    shipFrom,
    shipTo: {
      name: 'TEST PRINT — Alexandra Example-Testperson',
      phone: '+49 151 00000000',
      backupPhone: null,
      email: null,
      addressLine1: 'Musterstraße 123, Hinterhaus, 4. OG links',
      addressLine2: 'c/o Beispiel GmbH 示例',
      addressLine3: null,
      city: 'Berlin',
      state: null,
      district: null,
      postcode: '10115',
      country: 'Germany',
      countryCode: 'DE',
      taxCode: null,
    },
    items: [
      { sku: 'SKU-TEST-001', title: 'Test item', spec: 'Size M', quantity: 1 },
      { sku: 'SKU-TEST-002', title: 'Test item', spec: null, quantity: 2 },
    ],
    tracking: [],
  };
}
