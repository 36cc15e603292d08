import { OutcomeMessage } from '../common/OutcomeMessage';
import { useEffect, useState } from 'react';
import { i18n } from '../common/i18n';
import { MessageError } from '../../utils/messaging/envelope';
import { sendMessage } from '../../utils/messaging/send-message-adapter';
import type { Settings } from '../../utils/settings/settings-schema';
import { useBackground } from '../common/use-background';
import { CsvColumnsEditor } from '../settings-forms/CsvColumnsEditor';
import { ReturnAddressForm } from '../settings-forms/ReturnAddressForm';
import { ShippingRunSettings } from './ShippingRunSettings';
import '../order-list/orders.css';

type LabelSettings = Pick<Settings, 'returnAddress' | 'labelSheetLayout' | 'csvCustomColumns' | 'shippingRun'>;

/** Options › Labels & CSV: return address, A4/Letter sheet layout, custom CSV columns (issue 6). */
export function LabelSettingsPage() {
  const settings = useBackground('settings/get', {});
  const [draft, setDraft] = useState<LabelSettings | null>(null);
  const [status, setStatus] = useState<{ ok: boolean; text: string } | null>(null);

  useEffect(() => {
    if (settings.data && draft === null) {
      const { returnAddress, labelSheetLayout, csvCustomColumns, shippingRun } = settings.data;
      setDraft({ returnAddress, labelSheetLayout, csvCustomColumns, shippingRun });
    }
  }, [settings.data, draft]);

  if (!draft) {
    return (
      <section data-testid="LabelSettingsPage">
        <h2>{i18n.t('options.nav.labels')}</h2>
        {settings.error ? <p className="sv-error">{settings.error.message}</p> : <p className="sv-muted">{i18n.t('export.list.loading')}</p>}
      </section>
    );
  }

  const save = async () => {
    setStatus(null);
    const incomplete = draft.csvCustomColumns.some((c) => c.header.trim() === '');
    if (incomplete) {
      setStatus({ ok: false, text: i18n.t('export.settings.csv.emptyHeader') });
      return;
    }
    try {
      await sendMessage('settings/update', draft);
      setStatus({ ok: true, text: i18n.t('export.settings.saved') });
    } catch (err) {
      setStatus({ ok: false, text: err instanceof MessageError ? err.message : String(err) });
    }
  };

  return (
    <section data-testid="LabelSettingsPage" className="sv-label-settings">
      <h2>{i18n.t('options.nav.labels')}</h2>
      <ReturnAddressForm value={draft.returnAddress} onChange={(returnAddress) => setDraft({ ...draft, returnAddress })} />
      <fieldset>
        <legend>{i18n.t('export.settings.sheet.title')}</legend>
        {(['4up', '2up'] as const).map((layout) => (
          <label key={layout} style={{ marginRight: 16 }}>
            <input
              type="radio"
              name="labelSheetLayout"
              value={layout}
              checked={draft.labelSheetLayout === layout}
              onChange={() => setDraft({ ...draft, labelSheetLayout: layout })}
            />{' '}
            {layout === '4up' ? i18n.t('export.settings.sheet.fourUp') : i18n.t('export.settings.sheet.twoUp')}
          </label>
        ))}
      </fieldset>
      <ShippingRunSettings value={draft.shippingRun} returnAddress={draft.returnAddress} onChange={(shippingRun) => setDraft({ ...draft, shippingRun })} />
      <CsvColumnsEditor value={draft.csvCustomColumns} onChange={(csvCustomColumns) => setDraft({ ...draft, csvCustomColumns })} />
      <p>
        <button type="button" className="primary" onClick={save} data-testid="save-label-settings">
          {i18n.t('export.settings.save')}
        </button>{' '}
        <OutcomeMessage outcome={status} inline />
      </p>
    </section>
  );
}
