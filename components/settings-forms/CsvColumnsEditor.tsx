import { i18n } from '../common/i18n';
import { CSV_FIELDS, type CsvField } from '../../utils/export/csv-presets';
import type { Settings } from '../../utils/settings/settings-schema';

type Columns = Settings['csvCustomColumns'];

const FIELD_NAMES = Object.keys(CSV_FIELDS) as CsvField[];
/** settings-schema caps the custom preset at 60 columns. */
const MAX_COLUMNS = 60;

/** The custom CSV preset: which field goes under which header, in order. */
export function CsvColumnsEditor({ value, onChange }: { value: Columns; onChange: (next: Columns) => void }) {
  const update = (index: number, patch: Partial<Columns[number]>) => onChange(value.map((c, i) => (i === index ? { ...c, ...patch } : c)));
  const move = (index: number, by: -1 | 1) => {
    const next = [...value];
    const [col] = next.splice(index, 1);
    next.splice(index + by, 0, col!);
    onChange(next);
  };
  return (
    <fieldset data-testid="csv-columns">
      <legend>{i18n.t('export.settings.csv.title')}</legend>
      <p className="sv-muted">{i18n.t('export.settings.csv.help')}</p>
      <table>
        <thead>
          <tr>
            <th>{i18n.t('export.settings.csv.header')}</th>
            <th>{i18n.t('export.settings.csv.field')}</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {value.map((column, index) => (
            <tr key={index}>
              <td>
                <input value={column.header} maxLength={100} aria-label={i18n.t('export.settings.csv.header')} onChange={(e) => update(index, { header: e.target.value })} />
              </td>
              <td>
                <select value={column.field} aria-label={i18n.t('export.settings.csv.field')} onChange={(e) => update(index, { field: e.target.value })}>
                  {FIELD_NAMES.map((name) => (
                    <option key={name} value={name} title={CSV_FIELDS[name]}>
                      {name}
                    </option>
                  ))}
                </select>
              </td>
              <td>
                <button type="button" disabled={index === 0} onClick={() => move(index, -1)} aria-label={i18n.t('export.settings.csv.up')}>
                  ↑
                </button>
                <button type="button" disabled={index === value.length - 1} onClick={() => move(index, 1)} aria-label={i18n.t('export.settings.csv.down')}>
                  ↓
                </button>
                <button type="button" onClick={() => onChange(value.filter((_, i) => i !== index))}>
                  {i18n.t('export.settings.csv.remove')}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <button type="button" disabled={value.length >= MAX_COLUMNS} onClick={() => onChange([...value, { header: 'Order Number', field: 'orderSn' }])}>
        {i18n.t('export.settings.csv.add')}
      </button>
    </fieldset>
  );
}
