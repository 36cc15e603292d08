import { countOf, i18n } from '../common/i18n';
import type { FileExportFormat } from '../../utils/export/file-names';
import { MarkShippedButton } from '../order-list/MarkShippedButton';
import { exportFormatText } from './export-format-text';
import type { FileExportJob } from './file-export-job';
import { FileExportStatus, useFileExportJob } from './FileExportStatus';

/**
 * One file export in the export tab, so it finishes even after the popup closed (a seller with
 * 500 labels): the job was started when the page loaded (entrypoints/print/main.tsx); this shows
 * its progress and result, and Mark shipped.
 */
export function ExportJob({ job, format, total }: { job: FileExportJob; format: FileExportFormat; total: number }) {
  const { phase } = useFileExportJob(job);
  return (
    <section className="sv-export-job" data-testid="export-job" data-phase={phase}>
      <h1>{i18n.t('export.job.title', [exportFormatText(format), countOf('orders', total)])}</h1>
      <FileExportStatus
        job={job}
        done={(orderSns) => (
          <>
            <MarkShippedButton orderSns={orderSns} />
            <p className="sv-muted">{i18n.t('export.job.closeHint')}</p>
          </>
        )}
      />
    </section>
  );
}
