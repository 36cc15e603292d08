import { runtimeUtcOffsetMinutes } from '../../utils/time/local-day';
import { useEffect, useMemo, useRef, useState } from 'react';
import type { RunChoices } from '../../utils/export-jobs/export-page-url';
import { orderLabels } from '../../utils/export/label-order';
import { isPdfProfileId, PDF_PROFILE_IDS, type PdfProfileId } from '../../utils/export/print-profiles';
import { PickListTable } from './PickListTable';
import { profileText } from './print-profile-text';
import { i18n } from '../common/i18n';
import { sendMessage } from '../../utils/messaging/send-message-adapter';
import { MarkShippedButton } from '../order-list/MarkShippedButton';
import { PrepareError } from './PrepareError';
import { PrintLabel } from './PrintLabel';
import { SkippedOrders } from './SkippedOrders';
import { usePreparedExport } from './use-prepared-export';

/**
 * `@page` rules per print profile (issue 14); our own constant CSS (no captured data ever goes
 * into it). Sheets: the label boxes of the PDF's 2-up / 4-up cells, the browser flows them.
 */
const PAGE_CSS: Record<PdfProfileId, string> = {
  'label-4x6': '@page { size: 4in 6in; margin: 0; } .sv-print-label { width: 4in; height: 6in; }',
  'label-4x8': '@page { size: 4in 8in; margin: 0; } .sv-print-label { width: 4in; height: 8in; }',
  'label-a6': '@page { size: 105mm 148mm; margin: 0; } .sv-print-label { width: 105mm; height: 148mm; }',
  'label-100x150': '@page { size: 100mm 150mm; margin: 0; } .sv-print-label { width: 100mm; height: 150mm; }',
  'a4-4up': '@page { size: A4; margin: 10mm; } .sv-print-label { width: 95mm; height: 138mm; }',
  'a4-2up': '@page { size: A4; margin: 10mm; } .sv-print-label { width: 190mm; height: 138mm; }',
  'letter-4up': '@page { size: letter; margin: 0.4in; } .sv-print-label { width: 3.85in; height: 5.1in; }',
  'letter-2up': '@page { size: letter; margin: 0.4in; } .sv-print-label { width: 7.7in; height: 5.1in; }',
};

/**
 * Print view (issue 6): labels laid out for the browser's print dialog with system fonts, so
 * every script prints as the browser renders it. Recorded as an export (format `print`).
 */
export function PrintView({ orderSns, choices = {} }: { orderSns: string[]; choices?: RunChoices }) {
  const { state, retry } = usePreparedExport(orderSns, 'print');
  const [chosen, setPaper] = useState<PdfProfileId | null>(choices.profile && isPdfProfileId(choices.profile) ? choices.profile : null);
  const [showPickList, setShowPickList] = useState(false);
  const recorded = useRef(false);
  const [recordError, setRecordError] = useState<string | null>(null);

  const run = state.phase === 'ready' ? state.prepared.shippingRun : null;
  const paper: PdfProfileId = chosen ?? run?.printProfile ?? 'label-4x6';
  // The run's label order (issue 14), as in the files.
  const labels = useMemo(
    () =>
      state.phase === 'ready'
        ? orderLabels(state.prepared.labels, { sortBy: choices.sortBy ?? state.prepared.shippingRun.sortBy, reverse: choices.reverse ?? state.prepared.shippingRun.reverseStack })
        : [],
    [state, choices.sortBy, choices.reverse],
  );
  useEffect(() => {
    if (labels.length === 0 || recorded.current) return;
    recorded.current = true;
    // PII is on screen now: track it like a file (no download id, nothing to remove later).
    sendMessage('export/record', { downloadId: null, fileName: '', format: 'print', orderSns: labels.map((l) => l.orderSn) }).catch((err: Error) => setRecordError(err.message));
  }, [labels]);

  const utcOffsetMinutes = runtimeUtcOffsetMinutes();
  return (
    <div className={`sv-print sv-print--${paper}`}>
      <style>{PAGE_CSS[paper]}</style>
      <header className="sv-print__toolbar">
        <strong>{i18n.t('export.print.title')}</strong>
        <label>
          {i18n.t('export.print.paper')}{' '}
          <select value={paper} onChange={(e) => setPaper(e.target.value as PdfProfileId)} data-testid="print-paper">
            {PDF_PROFILE_IDS.map((id) => (
              <option key={id} value={id}>
                {profileText(id)}
              </option>
            ))}
          </select>
        </label>
        <label className="sv-chip">
          <input type="checkbox" checked={showPickList} onChange={(e) => setShowPickList(e.target.checked)} data-testid="print-pick-list" />
          {i18n.t('shippingRun.pickList.show')}
        </label>
        <button type="button" className="primary" disabled={labels.length === 0} onClick={() => window.print()}>
          {i18n.t('export.print.print')}
        </button>
        {labels.length > 0 && <MarkShippedButton orderSns={labels.map((l) => l.orderSn)} />}
        {state.phase === 'loading' && <span className="sv-muted">{i18n.t('export.job.preparing')}</span>}
        {recordError && <span className="sv-error">{recordError}</span>}
      </header>
      {state.phase === 'failed' && <PrepareError error={state.error} onRetry={retry} />}
      {state.phase === 'ready' && (
        <>
          <div className="sv-print__notes">
            <SkippedOrders skipped={state.prepared.skipped} />
          </div>
          {showPickList && <PickListTable labels={labels} />}
          <main className="sv-print__labels" data-testid="print-labels">
            {labels.map((label) => (
              <PrintLabel key={label.orderSn} label={label} utcOffsetMinutes={utcOffsetMinutes} />
            ))}
          </main>
        </>
      )}
    </div>
  );
}
