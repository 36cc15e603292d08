import { useSyncExternalStore, type ReactNode } from 'react';
import { countOf, i18n } from '../common/i18n';
import type { FileExportJob, FileExportJobState } from './file-export-job';
import { AddressPrecheckReview } from './AddressPrecheckReview';
import { PrepareError } from './PrepareError';
import { SkippedOrders } from './SkippedOrders';

const PHASE_TEXT: Record<'preparing' | 'rendering' | 'saving', () => string> = {
  preparing: () => i18n.t('export.job.preparing'),
  rendering: () => i18n.t('export.job.rendering'),
  saving: () => i18n.t('export.job.saving'),
};

export function useFileExportJob(job: FileExportJob): FileExportJobState {
  return useSyncExternalStore(job.subscribe, job.getState);
}

/**
 * Progress and result of one file export, in the export tab and in the popup: phase, errors,
 * the saved file (tests and the seller read `export-done`), skipped orders. `done` is shown
 * under the result (e.g. Mark shipped).
 */
export function FileExportStatus({ job, done }: { job: FileExportJob; done?: (orderSns: string[]) => ReactNode }) {
  const state = useFileExportJob(job);
  const { phase, outcome } = state;
  return (
    <>
      {state.prepareError && <PrepareError error={state.prepareError} onRetry={job.retry} />}
      {state.nothing && <p className="sv-error">{i18n.t('export.job.nothing')}</p>}
      {phase === 'review' && <AddressPrecheckReview review={state.review} onDecide={job.decide} />}
      {phase !== 'failed' && phase !== 'done' && phase !== 'review' && (
        <div role="status">
          <progress className="sv-progress" />
          <p>{PHASE_TEXT[phase]()}</p>
        </div>
      )}
      {state.error && (
        <p className="sv-error" role="alert" data-testid="export-error">
          {i18n.t('export.job.failed', [state.error])}
        </p>
      )}
      {outcome && (
        <div data-testid="export-done" data-download-id={outcome.downloadId} data-file-name={outcome.fileName}>
          <p className="sv-ok">
            {i18n.t('export.job.saved', [countOf('orders', outcome.orderSns.length), outcome.fileName])}
            {state.saved === 'complete' && ` ${i18n.t('export.job.onDisk')}`}
          </p>
          {state.saved === 'interrupted' && <p className="sv-error">{i18n.t('export.job.interrupted')}</p>}
          {done?.(outcome.orderSns)}
        </div>
      )}
      <SkippedOrders skipped={state.skipped} />
    </>
  );
}
