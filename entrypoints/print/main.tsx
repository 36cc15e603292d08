import { startExport } from '../../components/export-pipeline/export-job-wiring';
import { parseExportPageHash } from '../../utils/export-jobs/export-page-url';

// Read once: a later hash change must not silently start a second export. A file export starts
// here, before the UI code is even fetched (issue 11): this entry holds only the job (render
// worker, barcodes, export/prepare), so the worker's 1.15 MB load and export/prepare overlap the
// load of React and the page's components (mount.tsx). One export is one audited read, whatever
// React does.
const request = parseExportPageHash(location.hash);
const job = request && request.format !== 'print' ? startExport({ orderSns: request.orderSns, format: request.format, choices: request.choices }) : null;

void import('./mount').then(({ mountExportPage }) => mountExportPage(request, job));
