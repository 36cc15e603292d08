import { i18n } from '../common/i18n';
import { useState } from 'react';
import { LABEL_SORT_KEYS } from '../../utils/export/label-order';
import { PDF_PROFILE_IDS, ZPL_PROFILE_IDS, type PdfProfileId, type ZplProfileId } from '../../utils/export/print-profiles';
import type { ReturnAddress, ShippingRunSettings as RunSettings } from '../../utils/settings/settings-schema';
import { CSV_PRESET_IDS, LATIN_ONLY_FORMAT_IDS } from '../../utils/settings/settings-read';
import { exportFormatText } from '../export-pipeline/export-format-text';
import { profileText, sortText } from '../export-pipeline/print-profile-text';
import { downloadTestPrint } from './test-print-adapter';

type Preset = (typeof CSV_PRESET_IDS)[number];
type LatinFormat = (typeof LATIN_ONLY_FORMAT_IDS)[number];

const PROFILE_ROW_TEXT = {
  pdfProfile: 'shippingRun.settings.pdfProfile',
  zplProfile: 'shippingRun.settings.zplProfile',
  printProfile: 'shippingRun.settings.printProfile',
} as const;

/** A CSV preset by the name of its export format (the stored id is no word a seller reads). */
const presetText = (preset: Preset) => exportFormatText(`csv-${preset}`);

const toggle = <T,>(list: readonly T[], item: T, on: boolean): T[] => (on ? [...new Set([...list, item])] : list.filter((x) => x !== item));

/**
 * Options › Labels: the shipping run (issue 14) — default print profile per format with a
 * one-page test print, label order, CSV options per preset, the morning ship-by notice.
 */
export function ShippingRunSettings({ value, returnAddress, onChange }: { value: RunSettings; returnAddress: ReturnAddress; onChange: (next: RunSettings) => void }) {
  const [testError, setTestError] = useState<string | null>(null);
  const testPrint = (profile: PdfProfileId | ZplProfileId) => {
    setTestError(null);
    downloadTestPrint(profile, returnAddress).catch((err: unknown) => setTestError(err instanceof Error ? err.message : String(err)));
  };
  const profileRow = (key: 'pdfProfile' | 'zplProfile' | 'printProfile', ids: readonly (PdfProfileId | ZplProfileId)[], canTest: boolean) => (
    <p>
      <label>
        {i18n.t(PROFILE_ROW_TEXT[key])}{' '}
        <select value={value[key]} onChange={(e) => onChange({ ...value, [key]: e.target.value })} data-testid={`default-${key}`}>
          {ids.map((id) => (
            <option key={id} value={id}>
              {profileText(id)}
            </option>
          ))}
        </select>
      </label>{' '}
      {canTest && (
        <button type="button" onClick={() => testPrint(value[key])} data-testid={`test-print-${key}`}>
          {i18n.t('shippingRun.settings.testPrint')}
        </button>
      )}
    </p>
  );
  return (
    <fieldset data-testid="shipping-run-settings">
      <legend>{i18n.t('shippingRun.settings.title')}</legend>
      {profileRow('pdfProfile', PDF_PROFILE_IDS, true)}
      {profileRow('zplProfile', ZPL_PROFILE_IDS, true)}
      {profileRow('printProfile', PDF_PROFILE_IDS, false)}
      {testError && <p className="sv-error">{testError}</p>}
      <p>
        <label>
          {i18n.t('shippingRun.sortBy')}{' '}
          <select value={value.sortBy} onChange={(e) => onChange({ ...value, sortBy: e.target.value as RunSettings['sortBy'] })} data-testid="default-sort">
            {LABEL_SORT_KEYS.map((key) => (
              <option key={key} value={key}>
                {sortText(key)}
              </option>
            ))}
          </select>
        </label>{' '}
        <label>
          <input type="checkbox" checked={value.reverseStack} onChange={(e) => onChange({ ...value, reverseStack: e.target.checked })} /> {i18n.t('shippingRun.reverse')}
        </label>
      </p>
      <p>{i18n.t('shippingRun.settings.omitContact')}</p>
      <p>
        {CSV_PRESET_IDS.map((preset: Preset) => (
          <label key={preset} style={{ marginRight: 12 }}>
            <input
              type="checkbox"
              checked={value.csvOmitContact.includes(preset)}
              onChange={(e) => onChange({ ...value, csvOmitContact: toggle(value.csvOmitContact, preset, e.target.checked) })}
              data-testid={`omit-contact-${preset}`}
            />{' '}
            {presetText(preset)}
          </label>
        ))}
      </p>
      <p>{i18n.t('shippingRun.settings.latinOnly')}</p>
      <p>
        {LATIN_ONLY_FORMAT_IDS.map((format: LatinFormat) => (
          <label key={format} style={{ marginRight: 12 }}>
            <input
              type="checkbox"
              checked={value.latinOnlyFormats.includes(format)}
              onChange={(e) => onChange({ ...value, latinOnlyFormats: toggle(value.latinOnlyFormats, format, e.target.checked) })}
              data-testid={`latin-only-${format}`}
            />{' '}
            {format === 'zpl' ? exportFormatText('zpl') : presetText(format)}
          </label>
        ))}
      </p>
      <p>
        <label>
          <input type="checkbox" checked={value.shipByMorningNotice} onChange={(e) => onChange({ ...value, shipByMorningNotice: e.target.checked })} data-testid="morning-notice" />{' '}
          {i18n.t('shippingRun.settings.morningNotice')}
        </label>
      </p>
    </fieldset>
  );
}
