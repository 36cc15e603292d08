import { runtimeUtcOffsetMinutes } from '../../utils/time/local-day';
import { useEffect, useRef, useState } from 'react';
import { i18n } from '../common/i18n';
import { sendMessage } from '../../utils/messaging/send-message-adapter';
import { MarkShippedButton } from '../order-list/MarkShippedButton';
import { PrepareError } from './PrepareError';
import { PrintLabel } from './PrintLabel';
import { SkippedOrders } from './SkippedOrders';
import { usePreparedExport } from './use-prepared-export';

type PaperSize = '4x6' | 'a4';

/** `@page` rules per paper; our own constant CSS (no captured data ever goes into it). */
const PAGE_CSS: Record<PaperSize, string> = {
  '4x6': '@page { size: 4in 6in; margin: 0; } .sv-print-label { width: 4in; height: 6in; }',
  a4: '@page { size: A4; margin: 10mm; } .sv-print-label { width: 95mm; height: 138mm; }',
};

/**
 * Print view (issue 6): labels laid out for the browser's print dialog with system fonts, so
 * every script prints as the browser renders it. Recorded as an export (format `print`).
 */
export function PrintView({ orderSns }: { orderSns: string[] }) {
  const { state, retry } = usePreparedExport(orderSns, 'print');
  const [paper, setPaper] = useState<PaperSize>('4x6');
  const recorded = useRef(false);
  const [recordError, setRecordError] = useState<string | null>(null);

  const labels = state.phase === 'ready' ? state.prepared.labels : [];
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
          <select value={paper} onChange={(e) => setPaper(e.target.value as PaperSize)} data-testid="print-paper">
            <option value="4x6">{i18n.t('export.print.paper4x6')}</option>
            <option value="a4">{i18n.t('export.print.paperA4')}</option>
          </select>
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
