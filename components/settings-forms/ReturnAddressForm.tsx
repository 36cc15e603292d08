import { i18n } from '../common/i18n';
import type { ReturnAddress } from '../../utils/settings/settings-schema';

type Field = keyof ReturnAddress;

const ADDRESS_FIELD_TEXT = {
  name: 'export.settings.address.name',
  company: 'export.settings.address.company',
  addressLine1: 'export.settings.address.line1',
  addressLine2: 'export.settings.address.line2',
  city: 'export.settings.address.city',
  state: 'export.settings.address.state',
  postcode: 'export.settings.address.postcode',
  country: 'export.settings.address.country',
  phone: 'export.settings.address.phone',
} as const satisfies Record<Field, string>;

const FIELDS: Field[] = ['name', 'company', 'addressLine1', 'addressLine2', 'city', 'state', 'postcode', 'country', 'phone'];

/** The seller's ship-from address and phone (the seller's business data, printed on every label). */
export function ReturnAddressForm({ value, onChange }: { value: ReturnAddress; onChange: (next: ReturnAddress) => void }) {
  return (
    <fieldset className="sv-form-grid">
      <legend>{i18n.t('export.settings.address.title')}</legend>
      {FIELDS.map((field) => (
        <label key={field}>
          <span>{i18n.t(ADDRESS_FIELD_TEXT[field])}</span>
          <input
            value={value[field]}
            maxLength={field === 'postcode' ? 40 : 200}
            name={`returnAddress.${field}`}
            onChange={(e) => onChange({ ...value, [field]: e.target.value })}
          />
        </label>
      ))}
    </fieldset>
  );
}
