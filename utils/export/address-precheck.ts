import { postcodeValidator, postcodeValidatorExistsForCountry } from 'postcode-validator';
import type { ShippingRunSettings } from '../settings/settings-schema';
import type { BuyerPii } from '../vault/buyer-pii';
import { SHIPANDCO_LINE_MAX } from './address-split';
import type { ExportFormat } from './shipment-label';
import type { ShipmentLabel } from './shipment-label';

/**
 * Offline address pre-check before an export (issue 14). Pure: nothing is sent anywhere (no
 * address-validation service); the postcode patterns per country are those of the
 * `postcode-validator` package (docs/decisions.md). Each finding names the order, the rule and
 * the field, never the value, so the list can be shown and logged without personal data.
 */
export const PRECHECK_RULES = [
  'missing-name',
  'missing-street',
  'missing-city',
  'missing-postcode',
  'missing-country',
  'postcode-format',
  'line-too-long',
  'non-latin',
  'missing-phone',
] as const;
export type PrecheckRule = (typeof PRECHECK_RULES)[number];

export interface AddressFinding {
  orderSn: string;
  rule: PrecheckRule;
  /** The buyer field the finding is about. */
  field: keyof BuyerPii;
  /** For line-too-long: the line's length and the carrier's limit. */
  length?: number;
  limit?: number;
}

export interface PrecheckConstraints {
  /** The carrier's longest name / address line in characters (code points), null = no limit. */
  maxLineLength: number | null;
  /** The format prints or imports Latin letters only. */
  latinOnly: boolean;
  /** A missing phone is a finding (off when the file leaves phones out anyway). */
  requirePhone: boolean;
}

/** The lines a carrier limit applies to: the name and each postal field as the buyer gave it. */
const LINE_FIELDS = ['name', 'addressLine1', 'addressLine2', 'addressLine3', 'city', 'state', 'district'] as const satisfies readonly (keyof BuyerPii)[];
/** Text fields a Latin-only format prints. */
const TEXT_FIELDS = [...LINE_FIELDS, 'postcode'] as const satisfies readonly (keyof BuyerPii)[];

const blank = (value: string | null | undefined) => !value || value.trim().length === 0;
const length = (value: string) => Array.from(value.replace(/\s+/g, ' ').trim()).length;
/** Latin letters plus what every script shares (digits, punctuation, spaces) and combining marks. */
const NON_LATIN = /[^\p{Script=Latin}\p{Script=Common}\p{Script=Inherited}]/u;

export function checkAddress(label: ShipmentLabel, constraints: PrecheckConstraints): AddressFinding[] {
  const to = label.shipTo;
  const found: AddressFinding[] = [];
  const add = (rule: PrecheckRule, field: keyof BuyerPii, extra: Partial<AddressFinding> = {}) => found.push({ orderSn: label.orderSn, rule, field, ...extra });
  const country = to.countryCode?.trim().toUpperCase() ?? '';
  const hasPostcodeSystem = country !== '' && postcodeValidatorExistsForCountry(country);

  if (blank(to.name)) add('missing-name', 'name');
  if (blank(to.addressLine1) && blank(to.addressLine2) && blank(to.addressLine3)) add('missing-street', 'addressLine1');
  if (blank(to.city) && blank(to.district)) add('missing-city', 'city');
  if (blank(to.country) && country === '') add('missing-country', 'country');
  if (blank(to.postcode)) {
    if (hasPostcodeSystem) add('missing-postcode', 'postcode');
  } else if (hasPostcodeSystem && !postcodeValidator(to.postcode!.trim(), country)) add('postcode-format', 'postcode');

  if (constraints.maxLineLength !== null) {
    for (const field of LINE_FIELDS) {
      const value = to[field];
      if (!blank(value) && length(value!) > constraints.maxLineLength) add('line-too-long', field, { length: length(value!), limit: constraints.maxLineLength });
    }
  }
  if (constraints.latinOnly) {
    for (const field of TEXT_FIELDS) {
      if (NON_LATIN.test(to[field] ?? '')) add('non-latin', field);
    }
  }
  if (constraints.requirePhone && blank(to.phone) && blank(to.backupPhone)) add('missing-phone', 'phone');
  return found;
}

/** Findings of a run, grouped per order in the run's order; orders without findings are left out. */
export function precheckRun(labels: readonly ShipmentLabel[], constraints: PrecheckConstraints): { orderSn: string; findings: AddressFinding[] }[] {
  return labels.map((label) => ({ orderSn: label.orderSn, findings: checkAddress(label, constraints) })).filter((entry) => entry.findings.length > 0);
}

const CSV_PRESET_OF: Partial<Record<ExportFormat, ShippingRunSettings['csvOmitContact'][number]>> = {
  'csv-generic': 'generic',
  'csv-shippingeasy': 'shippingeasy',
  'csv-shipandco': 'shipandco',
  'csv-custom': 'custom',
};

/**
 * What the chosen format's carrier or printer needs: Ship&co's 35-character lines, Latin-only
 * where the seller marked the format so, a phone unless the file leaves phones out (or is a
 * packing slip, which never prints one). The pick list holds no addresses: nothing to check.
 */
export function precheckConstraintsFor(format: ExportFormat, run: ShippingRunSettings): PrecheckConstraints | null {
  if (format === 'pick-list') return null;
  const preset = CSV_PRESET_OF[format];
  const latinKey = preset ?? (format === 'zpl' ? 'zpl' : null);
  return {
    maxLineLength: format === 'csv-shipandco' ? SHIPANDCO_LINE_MAX : null,
    latinOnly: latinKey !== null && run.latinOnlyFormats.includes(latinKey),
    requirePhone: format !== 'packing-slip' && !(preset && run.csvOmitContact.includes(preset)),
  };
}
