import Papa from 'papaparse';
import { SHIPANDCO_LINE_MAX, splitAddressLines } from './address-split';
import { countryAlpha2 } from '../geo/country-code';
import { neutralizeCsvCell } from './csv-safety';
import { formatDate, itemSummaryLines, totalQuantity } from './label-text';
import { splitName } from './name-split';
import type { ShipmentLabel } from './shipment-label';

/**
 * Fields a CSV column can hold (settings.csvCustomColumns[].field). One row per order.
 * Multi-item orders join their items with "; ".
 */
export const CSV_FIELDS = {
  orderSn: 'Parent order number (PO-…)',
  shopId: 'Temu shop id',
  shipBy: 'Ship-by date, YYYY-MM-DD',
  fullName: 'Recipient name as captured',
  firstName: 'Recipient first name (split rule: utils/export/name-split.ts)',
  lastName: 'Recipient last name (split rule: utils/export/name-split.ts)',
  phone: 'Recipient phone',
  backupPhone: 'Recipient second phone',
  email: 'Recipient e-mail',
  addressLine1: 'Address line 1',
  addressLine2: 'Address line 2',
  addressLine3: 'Address line 3',
  district: 'District (region level 4)',
  city: 'City (region level 3)',
  state: 'State / province / region (region level 2)',
  postcode: 'Postal code',
  country: 'Country name as captured',
  countryCode: 'ISO 3166-1 alpha-2 country code',
  taxCode: 'Recipient tax code, when the marketplace gave one',
  trackingNumber: 'Tracking numbers the seller center reported, "; "-separated',
  carrier: 'Carriers of those tracking numbers, "; "-separated',
  items: 'Items as "SKU spec × qty; …"',
  skus: 'SKUs, "; "-separated',
  itemTitles: 'Item titles, "; "-separated',
  totalQuantity: 'Total number of units',
  shipFromName: 'Return address: name',
  shipFromCompany: 'Return address: company',
  shipFromAddressLine1: 'Return address: line 1',
  shipFromAddressLine2: 'Return address: line 2',
  shipFromCity: 'Return address: city',
  shipFromState: 'Return address: state / province',
  shipFromPostcode: 'Return address: postal code',
  shipFromCountry: 'Return address: country',
  shipFromPhone: 'Return address: phone',
} as const;
export type CsvField = keyof typeof CSV_FIELDS;

export const isCsvField = (field: string): field is CsvField => Object.hasOwn(CSV_FIELDS, field);

export type CsvPreset = 'generic' | 'shippingeasy' | 'shipandco' | 'custom';

export interface RenderCsvOptions {
  preset: CsvPreset;
  /** Required for 'custom' (settings.csvCustomColumns). */
  customColumns?: { header: string; field: string }[];
  utcOffsetMinutes?: number;
  /**
   * Leave the buyer's e-mail and phone numbers out (issue 14: a per-preset option). The columns
   * stay, empty, so an importer's saved column mapping still fits the file.
   */
  omitContact?: boolean;
}

type Column = { header: string; value: (label: ShipmentLabel, ctx: RowContext) => string; contact?: boolean };

/** Fields that reach the buyer directly; `omitContact` blanks them. */
const CONTACT_FIELDS: ReadonlySet<CsvField> = new Set<CsvField>(['phone', 'backupPhone', 'email']);
interface RowContext {
  utcOffsetMinutes: number;
}

const text = (value: string | null | undefined) => value?.trim() ?? '';
const joinItems = (values: (string | null)[]) => values.filter((v): v is string => !!v && v.trim().length > 0).join('; ');

/** How each field is read from a label; one place, shared by every preset. */
const FIELD_VALUES: Record<CsvField, Column['value']> = {
  orderSn: (l) => l.orderSn,
  shopId: (l) => l.shopId,
  shipBy: (l, ctx) => (l.shipBy === null ? '' : formatDate(l.shipBy, ctx.utcOffsetMinutes)),
  fullName: (l) => text(l.shipTo.name),
  firstName: (l) => splitName(l.shipTo.name).firstName,
  lastName: (l) => splitName(l.shipTo.name).lastName,
  phone: (l) => text(l.shipTo.phone),
  backupPhone: (l) => text(l.shipTo.backupPhone),
  email: (l) => text(l.shipTo.email),
  addressLine1: (l) => text(l.shipTo.addressLine1),
  addressLine2: (l) => text(l.shipTo.addressLine2),
  addressLine3: (l) => text(l.shipTo.addressLine3),
  district: (l) => text(l.shipTo.district),
  city: (l) => text(l.shipTo.city),
  state: (l) => text(l.shipTo.state),
  postcode: (l) => text(l.shipTo.postcode),
  country: (l) => text(l.shipTo.country),
  countryCode: (l) => countryAlpha2(l.shipTo.countryCode, l.shipTo.country) ?? '',
  taxCode: (l) => text(l.shipTo.taxCode),
  trackingNumber: (l) => joinItems(l.tracking.map((t) => t.trackingNumber)),
  carrier: (l) => joinItems([...new Set(l.tracking.map((t) => t.carrier))]),
  items: (l) => itemSummaryLines(l.items).join('; '),
  skus: (l) => joinItems(l.items.map((i) => i.sku)),
  itemTitles: (l) => joinItems(l.items.map((i) => i.title)),
  totalQuantity: (l) => String(totalQuantity(l.items)),
  shipFromName: (l) => text(l.shipFrom.name),
  shipFromCompany: (l) => text(l.shipFrom.company),
  shipFromAddressLine1: (l) => text(l.shipFrom.addressLine1),
  shipFromAddressLine2: (l) => text(l.shipFrom.addressLine2),
  shipFromCity: (l) => text(l.shipFrom.city),
  shipFromState: (l) => text(l.shipFrom.state),
  shipFromPostcode: (l) => text(l.shipFrom.postcode),
  shipFromCountry: (l) => text(l.shipFrom.country),
  shipFromPhone: (l) => text(l.shipFrom.phone),
};

const field = (header: string, name: CsvField): Column => ({ header, value: FIELD_VALUES[name], ...(CONTACT_FIELDS.has(name) ? { contact: true } : {}) });

/** Lines 2, 3 and the district, for carriers with only two address lines. */
const restOfAddress = (l: ShipmentLabel) => [l.shipTo.addressLine2, l.shipTo.addressLine3, l.shipTo.district].map(text);

/** Ship&co limits address line 1 to 35 characters; the overflow moves to line 2. */
const SHIPANDCO_ADDRESS1_MAX = SHIPANDCO_LINE_MAX;
const shipAndCoAddress = (l: ShipmentLabel) => splitAddressLines(text(l.shipTo.addressLine1), restOfAddress(l), SHIPANDCO_ADDRESS1_MAX);

const PRESETS: Record<Exclude<CsvPreset, 'custom'>, Column[]> = {
  // Every field, headers = field names: a full copy for the seller's own tools.
  generic: (Object.keys(CSV_FIELDS) as CsvField[]).map((name) => field(name, name)),
  shippingeasy: [
    field('Order Number', 'orderSn'),
    field('Full Name', 'fullName'),
    field('Address Line 1', 'addressLine1'),
    { header: 'Address Line 2', value: (l) => restOfAddress(l).filter(Boolean).join(', ') },
    field('City', 'city'),
    field('State', 'state'),
    field('Postal Code', 'postcode'),
    // Alpha-2 when the name is known (carriers' import prefers codes), else the name as shown.
    { header: 'Country', value: (l) => countryAlpha2(l.shipTo.countryCode, l.shipTo.country) ?? text(l.shipTo.country) },
    field('Phone', 'phone'),
    field('Email', 'email'),
    field('SKU', 'skus'),
    field('Item Name', 'itemTitles'),
    field('Quantity', 'totalQuantity'),
    field('Ship By', 'shipBy'),
  ],
  shipandco: [
    field('OrderName', 'orderSn'),
    field('RecipientFirstName', 'firstName'),
    field('RecipientLastName', 'lastName'),
    { header: 'RecipientAddress1', value: (l) => shipAndCoAddress(l).line1 },
    { header: 'RecipientAddress2', value: (l) => shipAndCoAddress(l).line2 },
    field('RecipientCity', 'city'),
    field('RecipientProvince', 'state'),
    field('RecipientZIP', 'postcode'),
    field('RecipientCountryCode', 'countryCode'),
    field('RecipientPhone', 'phone'),
    field('RecipientMail', 'email'),
  ],
};

function columnsFor(options: RenderCsvOptions): Column[] {
  if (options.preset !== 'custom') return PRESETS[options.preset];
  const custom = options.customColumns ?? [];
  if (custom.length === 0) throw new Error('No custom CSV columns are set up (Options → Export).');
  const unknown = custom.filter((c) => !isCsvField(c.field)).map((c) => c.field);
  if (unknown.length > 0) throw new Error(`Unknown CSV field(s) in custom columns: ${unknown.join(', ')}`);
  return custom.map((c) => field(c.header, c.field as CsvField));
}

/** Excel opens UTF-8 CSV correctly only with a byte-order mark. */
export const UTF8_BOM = '\uFEFF';

/**
 * One CSV for carriers' bulk import: UTF-8 with BOM, CRLF rows, RFC 4180 quoting (papaparse
 * `unparse`, quoting only where needed), every cell (headers too) formula-neutralized.
 */
export function renderCsv(labels: ShipmentLabel[], options: RenderCsvOptions): string {
  if (labels.length === 0) throw new Error('No orders selected for the CSV.');
  const columns = columnsFor(options);
  const ctx: RowContext = { utcOffsetMinutes: options.utcOffsetMinutes ?? 0 };
  const omit = options.omitContact === true;
  const rows = labels.map((l) => columns.map((c) => (omit && c.contact ? '' : neutralizeCsvCell(c.value(l, ctx)))));
  const body = Papa.unparse(
    { fields: columns.map((c) => neutralizeCsvCell(c.header)), data: rows },
    { newline: '\r\n', quotes: false, header: true, skipEmptyLines: false, escapeFormulae: false },
  );
  return `${UTF8_BOM}${body}\r\n`;
}
