import { i18n } from '#i18n';
import type { ReturnAddress } from '../../utils/settings/settings-schema';

type Field = keyof ReturnAddress;

function fieldLabel(field: Field): string {
  switch (field) {
    case 'name':
      return i18n.t('export.settings.address.name');
    case 'company':
      return i18n.t('export.settings.address.company');
    case 'addressLine1':
      return i18n.t('export.settings.address.line1');
    case 'addressLine2':
      return i18n.t('export.settings.address.line2');
    case 'city':
      return i18n.t('export.settings.address.city');
    case 'state':
      return i18n.t('export.settings.address.state');
    case 'postcode':
      return i18n.t('export.settings.address.postcode');
    case 'country':
      return i18n.t('export.settings.address.country');
    case 'phone':
      return i18n.t('export.settings.address.phone');
  }
}

const FIELDS: Field[] = ['name', 'company', 'addressLine1', 'addressLine2', 'city', 'state', 'postcode', 'country', 'phone'];

/** The seller's ship-from address and phone (the seller's business data, printed on every label). */
export function ReturnAddressForm({ value, onChange }: { value: ReturnAddress; onChange: (next: ReturnAddress) => void }) {
  return (
    <fieldset className="sv-form-grid">
      <legend>{i18n.t('export.settings.address.title')}</legend>
      {FIELDS.map((field) => (
        <label key={field}>
          <span>{fieldLabel(field)}</span>
          <input value={value[field]} maxLength={field === 'postcode' ? 40 : 200} name={`returnAddress.${field}`} onChange={(e) => onChange({ ...value, [field]: e.target.value })} />
        </label>
      ))}
    </fieldset>
  );
}
