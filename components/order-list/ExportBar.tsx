import { OutcomeMessage } from '../common/OutcomeMessage';
import { useState } from 'react';
import { countOf, i18n } from '../common/i18n';
import { isTextExportFormat } from '../../utils/export/file-names';
import type { ExportFormat } from '../../utils/export/shipment-label';
import { MessageError } from '../../utils/messaging/envelope';
import { MAX_EXPORT_ORDERS } from '../../utils/orders/order-limits';
import { sendMessage } from '../../utils/messaging/send-message-adapter';
import { openExportPage } from '../export-pipeline/export-page-adapter';
import { exportFormatText, FORMAT_MENU } from '../export-pipeline/export-format-text';
import { startExport } from '../export-pipeline/export-job-wiring';
import type { FileExportJob } from '../export-pipeline/file-export-job';
import { FileExportStatus } from '../export-pipeline/FileExportStatus';
import { RunChoicesPicker } from '../export-pipeline/RunChoicesPicker';
import { useRenderWarmUp } from '../export-pipeline/use-render-warm-up';
import type { RunChoices } from '../../utils/export-jobs/export-page-url';
import { useBackground } from '../common/use-background';

/**
 * Format picker, Export and Mark shipped for the ticked orders. CSV and ZPL are made right here
 * (no fonts, milliseconds of work; the background downloads and tracks the file in one step,
 * so closing the popup loses nothing tracked); PDFs and the print view open the export tab.
 */
export function ExportBar({ selected, unlocked, onDone }: { selected: ReadonlySet<string>; unlocked: boolean; onDone: () => void }) {
  const [format, setFormat] = useState<ExportFormat>('pdf-4x6');
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [job, setJob] = useState<FileExportJob | null>(null);
  const [choices, setChoices] = useState<RunChoices>({});
  const settings = useBackground('settings/get', {});
  const count = selected.size;
  const tooMany = count > MAX_EXPORT_ORDERS;
  // The PDF render worker warms up while the seller decides; the export tab then renders with it warm.
  useRenderWarmUp(format, selected, unlocked && !tooMany);

  const exportSelected = async () => {
    setMessage(null);
    if (isTextExportFormat(format)) {
      setJob(startExport({ orderSns: [...selected], format, choices }));
      return;
    }
    setJob(null);
    await openExportPage({ orderSns: [...selected], format, choices });
  };

  const markShipped = async () => {
    setMessage(null);
    try {
      const reply = await sendMessage('orders/mark-shipped', { orderSns: [...selected] });
      setMessage({ ok: true, text: i18n.t('export.markShipped.done', [countOf('orders', reply.marked.length), countOf('orders', reply.alreadyShipped.length)]) });
      onDone();
    } catch (err) {
      setMessage({ ok: false, text: err instanceof MessageError ? err.message : String(err) });
    }
  };

  return (
    <div className="sv-export-bar">
      <select
        value={format}
        onChange={(e) => {
          const next = e.target.value as ExportFormat;
          // A profile belongs to its format (PDF vs ZPL): another format starts from its default.
          if (next !== format) setChoices((c) => ({ ...c, profile: undefined, start: undefined }));
          setFormat(next);
        }}
        aria-label={i18n.t('export.bar.format')}
        data-testid="export-format"
      >
        {FORMAT_MENU.map((f) => (
          <option key={f} value={f}>
            {exportFormatText(f)}
          </option>
        ))}
      </select>
      {settings.data && <RunChoicesPicker format={format} defaults={settings.data.shippingRun} value={choices} onChange={setChoices} />}
      <button type="button" className="primary" disabled={count === 0 || tooMany || !unlocked} onClick={exportSelected} data-testid="export-button">
        {i18n.t('export.bar.export', [String(count)])}
      </button>
      <button type="button" disabled={count === 0 || tooMany} onClick={markShipped} data-testid="mark-shipped-button">
        {i18n.t('export.markShipped.button')}
      </button>
      {!unlocked && count > 0 && <span className="sv-muted">{i18n.t('export.bar.unlockFirst')}</span>}
      {tooMany && <span className="sv-error">{i18n.t('export.bar.tooMany', [countOf('orders', MAX_EXPORT_ORDERS)])}</span>}
      <OutcomeMessage outcome={message} inline />
      {job && (
        <div className="sv-export-bar__job" data-testid="export-job">
          <FileExportStatus job={job} />
        </div>
      )}
    </div>
  );
}
