import { lazy, Suspense } from 'react';
import { i18n } from '../../components/common/i18n';
import { ExportJob } from '../../components/export-pipeline/ExportJob';
import type { FileExportJob } from '../../components/export-pipeline/file-export-job';
import type { ExportPageRequest } from '../../utils/export-jobs/export-page-url';
import './print.css';

// The print view (and its barcode encoder) loads only for `print`: a file export never needs it.
const PrintView = lazy(() => import('../../components/export-pipeline/PrintView').then((m) => ({ default: m.PrintView })));

/**
 * The print & export page (`print.html#orders=…&format=…`). Order numbers arrive in the hash;
 * buyer data only through `export/prepare`. `print` shows the print view, every other format
 * produces its file here (docs/decisions.md: exports run in an extension tab); main.tsx started
 * that export before React, so this only shows it.
 */
export function App({ request, job }: { request: ExportPageRequest | null; job: FileExportJob | null }) {
  if (!request) return <p className="sv-error">{i18n.t('export.job.badLink')}</p>;
  if (request.format === 'print' || !job)
    return (
      <Suspense fallback={null}>
        <PrintView orderSns={request.orderSns} choices={request.choices} />
      </Suspense>
    );
  return <ExportJob job={job} format={request.format} total={request.orderSns.length} />;
}
