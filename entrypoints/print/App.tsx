import { useState } from 'react';
import { i18n } from '#i18n';
import { ExportJob } from '../../components/export-pipeline/ExportJob';
import { PrintView } from '../../components/export-pipeline/PrintView';
import { parseExportPageHash } from '../../utils/export-jobs/export-page-url';
import './print.css';

/**
 * The print & export page (`print.html#orders=…&format=…`). Order numbers arrive in the hash;
 * buyer data only through `export/prepare`. `print` shows the print view, every other format
 * produces its file here (docs/decisions.md: exports run in an extension tab).
 */
export function App() {
  // Read once: a later hash change must not silently start a second export.
  const [request] = useState(() => parseExportPageHash(location.hash));
  if (!request) return <p className="sv-error">{i18n.t('export.job.badLink')}</p>;
  if (request.format === 'print') return <PrintView orderSns={request.orderSns} />;
  return <ExportJob orderSns={request.orderSns} format={request.format} />;
}
