import { i18n } from '../common/i18n';
import type { RunChoices } from '../../utils/export-jobs/export-page-url';
import { LABEL_SORT_KEYS } from '../../utils/export/label-order';
import { labelsPerPage, PDF_PROFILE_IDS, pdfProfile, ZPL_PROFILE_IDS, type PdfProfileId, type ZplProfileId } from '../../utils/export/print-profiles';
import type { ExportFormat } from '../../utils/export/shipment-label';
import type { ShippingRunSettings } from '../../utils/settings/settings-schema';
import { profileText, sortText } from './print-profile-text';

/** Formats whose file is a run of labels (a print profile and the label order apply). */
const LABEL_RUN_FORMATS: readonly ExportFormat[] = ['pdf-labels', 'zpl', 'print'];

/**
 * One run's print profile, label order, reversed stack and start cell (issue 14), next to the
 * format picker. Starts from the seller's defaults (Options › Labels); changing them here
 * changes this run only.
 */
export function RunChoicesPicker({
  format,
  defaults,
  value,
  onChange,
}: {
  format: ExportFormat;
  defaults: ShippingRunSettings;
  value: RunChoices;
  onChange: (next: RunChoices) => void;
}) {
  // The pick list is sorted by SKU whatever the run's order.
  if (format === 'pick-list') return null;
  const profiles: readonly (PdfProfileId | ZplProfileId)[] = format === 'zpl' ? ZPL_PROFILE_IDS : PDF_PROFILE_IDS;
  const defaultProfile = format === 'zpl' ? defaults.zplProfile : format === 'print' ? defaults.printProfile : defaults.pdfProfile;
  const profile = value.profile && (profiles as readonly string[]).includes(value.profile) ? value.profile : defaultProfile;
  const sheet = format !== 'zpl' && LABEL_RUN_FORMATS.includes(format) ? labelsPerPage(pdfProfile(profile as PdfProfileId)) : 1;
  return (
    <div className="sv-run-choices">
      {LABEL_RUN_FORMATS.includes(format) && (
        <select
          value={profile}
          onChange={(e) => onChange({ ...value, profile: e.target.value as PdfProfileId, start: undefined })}
          aria-label={i18n.t('shippingRun.profile')}
          data-testid="run-profile"
        >
          {profiles.map((id) => (
            <option key={id} value={id}>
              {profileText(id)}
            </option>
          ))}
        </select>
      )}
      <select
        value={value.sortBy ?? defaults.sortBy}
        onChange={(e) => onChange({ ...value, sortBy: e.target.value as RunChoices['sortBy'] })}
        aria-label={i18n.t('shippingRun.sortBy')}
        data-testid="run-sort"
      >
        {LABEL_SORT_KEYS.map((key) => (
          <option key={key} value={key}>
            {sortText(key)}
          </option>
        ))}
      </select>
      <label className="sv-chip">
        <input type="checkbox" checked={value.reverse ?? defaults.reverseStack} onChange={(e) => onChange({ ...value, reverse: e.target.checked })} data-testid="run-reverse" />
        {i18n.t('shippingRun.reverse')}
      </label>
      {sheet > 1 && (
        <label>
          {i18n.t('shippingRun.start')}{' '}
          <select value={value.start ?? 1} onChange={(e) => onChange({ ...value, start: Number(e.target.value) })} data-testid="run-start">
            {Array.from({ length: sheet }, (_, i) => (
              <option key={i + 1} value={i + 1}>
                {i + 1}
              </option>
            ))}
          </select>
        </label>
      )}
    </div>
  );
}
