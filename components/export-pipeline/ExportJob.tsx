import { runtimeUtcOffsetMinutes } from '../../utils/time/local-day';
import { useEffect, useRef, useState } from 'react';
import { i18n } from '#i18n';
import type { FileExportFormat } from '../../utils/export/file-names';
import { sendMessage } from '../../utils/messaging/send-message-adapter';
import { discardDownload, downloadBlob } from './downloads-adapter';
import { labelFontsUrl } from './export-page-adapter';
import { exportFormatText } from './export-format-text';
import { FileRecordedDueError, runFileExport, type FileExportOutcome, type FileExportPhase } from './file-export-runner';
import { MarkShippedButton } from '../order-list/MarkShippedButton';
import { PrepareError } from './PrepareError';
import { renderInWorker } from './render-in-worker';
import { SkippedOrders } from './SkippedOrders';
import { usePreparedExport } from './use-prepared-export';

const PHASE_TEXT: Record<FileExportPhase | 'preparing', () => string> = {
  preparing: () => i18n.t('export.job.preparing'),
  rendering: () => i18n.t('export.job.rendering'),
  saving: () => i18n.t('export.job.saving'),
  recording: () => i18n.t('export.job.recording'),
  done: () => i18n.t('export.job.done'),
};

/**
 * One file export, run in this tab so it finishes even after the popup closed (a seller with
 * 500 labels): prepare → render (worker) → download → record, with progress and the result.
 */
export function ExportJob({ orderSns, format }: { orderSns: string[]; format: FileExportFormat }) {
  const { state, retry } = usePreparedExport(orderSns, format);
  const [phase, setPhase] = useState<FileExportPhase | 'preparing'>('preparing');
  const [outcome, setOutcome] = useState<FileExportOutcome | null>(null);
  const [saved, setSaved] = useState<'complete' | 'interrupted' | null>(null);
  const [error, setError] = useState<string | null>(null);
  const started = useRef(false);

  useEffect(() => {
    if (state.phase !== 'ready' || started.current || state.prepared.labels.length === 0) return;
    started.current = true;
    runFileExport(
      format,
      state.prepared,
      { fontsUrl: labelFontsUrl(), utcOffsetMinutes: runtimeUtcOffsetMinutes() },
      { render: renderInWorker, download: downloadBlob, record: (entry) => sendMessage('export/record', entry), discard: discardDownload },
      setPhase,
    ).then(
      (result) => {
        setOutcome(result);
        void result.finished.then(setSaved);
      },
      (err: Error) => setError(err instanceof FileRecordedDueError ? i18n.t('retentionFix.exportUntracked') : err.message),
    );
  }, [state, format]);

  const total = orderSns.length;
  return (
    <section className="sv-export-job" data-testid="export-job" data-phase={error ? 'failed' : phase}>
      <h1>{i18n.t('export.job.title', [exportFormatText(format), String(total)])}</h1>
      {state.phase === 'failed' && <PrepareError error={state.error} onRetry={retry} />}
      {state.phase === 'ready' && state.prepared.labels.length === 0 && <p className="sv-error">{i18n.t('export.job.nothing')}</p>}
      {state.phase !== 'failed' && !error && !outcome && (
        <div role="status">
          <progress className="sv-progress" />
          <p>{PHASE_TEXT[phase]()}</p>
        </div>
      )}
      {error && (
        <p className="sv-error" role="alert" data-testid="export-error">
          {i18n.t('export.job.failed', [error])}
        </p>
      )}
      {outcome && (
        <div data-testid="export-done" data-download-id={outcome.downloadId} data-file-name={outcome.fileName}>
          <p className="sv-ok">
            {i18n.t('export.job.saved', [String(outcome.orderSns.length), outcome.fileName])}
            {saved === 'complete' && ` ${i18n.t('export.job.onDisk')}`}
          </p>
          {saved === 'interrupted' && <p className="sv-error">{i18n.t('export.job.interrupted')}</p>}
          <MarkShippedButton orderSns={outcome.orderSns} />
          <p className="sv-muted">{i18n.t('export.job.closeHint')}</p>
        </div>
      )}
      {state.phase === 'ready' && <SkippedOrders skipped={state.prepared.skipped} />}
    </section>
  );
}
