import type { BuyerPii } from '../../utils/vault/buyer-pii';
import type { ReturnAddress } from '../../utils/settings/settings-schema';
import type { ShipmentLabel } from '../../utils/export/shipment-label';
import { makeBuyerPii } from './buyer-pii-test-data';

/** Made-up people and addresses; every script the issue names appears at least once. */
export const SHIP_FROM: ReturnAddress = {
  name: 'Li Wei',
  company: 'Shenzhen Good Goods Ltd',
  addressLine1: 'Unit 5, 12 Keji Road',
  addressLine2: '',
  city: 'Shenzhen',
  state: 'Guangdong',
  postcode: '518000',
  country: 'China',
  phone: '+86 755 0000 0000',
};

export function buyer(overrides: Partial<BuyerPii> = {}): BuyerPii {
  return makeBuyerPii({ email: 'jane@example.com', addressLine1: '1 Main St', addressLine2: 'Apt 2', ...overrides });
}

export function label(overrides: Partial<ShipmentLabel> = {}, to: Partial<BuyerPii> = {}): ShipmentLabel {
  return {
    orderSn: 'PO-211-01234567890123',
    shopId: 'shop-1',
    shipBy: Date.UTC(2026, 10, 27, 12),
    shipFrom: SHIP_FROM,
    shipTo: buyer(to),
    items: [{ sku: 'SKU-RED-42', title: 'Red mug', spec: 'Red', quantity: 2 }],
    tracking: [],
    createdAt: null,
    ...overrides,
  };
}

/** One label per script: name + a distinctive address word that text extraction must find. */
export const SCRIPT_SAMPLES: { script: string; name: string; street: string; city: string; country: string }[] = [
  { script: 'accented Latin', name: 'Zoë Béatrice Çelik', street: '12 Rue de l’Église', city: 'Besançon', country: 'France' },
  { script: 'Polish', name: 'Łukasz Wójcik', street: 'ul. Źródlana 5', city: 'Łódź', country: 'Poland' },
  { script: 'German', name: 'Jürgen Weiß', street: 'Große Straße 3', city: 'Köln', country: 'Germany' },
  { script: 'Cyrillic', name: 'Иван Петров', street: 'ул. Ленина 10', city: 'Новосибирск', country: 'Россия' },
  { script: 'Greek', name: 'Γιώργος Παπαδόπουλος', street: 'Οδός Ερμού 25', city: 'Αθήνα', country: 'Ελλάδα' },
  { script: 'CJK', name: '王小明', street: '朝阳区建国路88号', city: '北京市', country: '中国' },
];

export const scriptLabels = (): ShipmentLabel[] =>
  SCRIPT_SAMPLES.map((sample, index) =>
    label(
      { orderSn: `PO-211-0000000000000${index}` },
      { name: sample.name, addressLine1: sample.street, addressLine2: null, city: sample.city, country: sample.country, countryCode: null },
    ),
  );

const LONG_WORD = 'Llanfairpwllgwyngyllgogerychwyrndrobwllllantysiliogogogoch';

/** Worst case for the layout: every field far longer than a label line. */
export const longLabel = (): ShipmentLabel =>
  label(
    {
      items: Array.from({ length: 40 }, (_, i) => ({ sku: `SKU-${i}-${'X'.repeat(30)}`, title: 'Thing', spec: 'Very long spec text '.repeat(3), quantity: i + 1 })),
      shipFrom: { ...SHIP_FROM, company: 'A Company With An Extraordinarily Long Registered Business Name Limited '.repeat(3) },
    },
    {
      name: `${'Maximiliana Alexandrovna '.repeat(8)}${LONG_WORD}`,
      addressLine1: `${LONG_WORD} ${'Long Street Name '.repeat(30)}`,
      addressLine2: '北京市朝阳区建国路八十八号现代城小区'.repeat(10),
      addressLine3: 'Building '.repeat(40),
      city: 'City '.repeat(20),
      state: 'State '.repeat(20),
      postcode: '1234567890'.repeat(4),
      country: 'Country '.repeat(10),
      phone: '+1 '.repeat(30),
    },
  );
