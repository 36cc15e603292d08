import { activateThisTab } from '../../components/export-pipeline/export-page-adapter';
import { startExport } from '../../components/export-pipeline/export-job-wiring';
import { parseExportPageHash } from '../../utils/export-jobs/export-page-url';

/** Longest wait for the render worker's `ready` before this tab takes the focus anyway (a cold worker answers only once its script ran, ~1.2 s). */
const CONNECT_WAIT_MS = 300;

// Read once: a later hash change must not silently start a second export. A file export starts
// here, before the UI code is even fetched (issue 11): this entry holds only the job (render
// worker, barcodes, export/prepare), so the worker's load and export/prepare overlap the load of
// React and the page's components (mount.tsx). One export is one audited read, whatever React does.
const request = parseExportPageHash(location.hash);
const job = request && request.format !== 'print' ? startExport({ orderSns: request.orderSns, format: request.format, choices: request.choices }) : null;

// The tab was opened in the background so the popup, which warmed the shared render worker, stays
// open until this page is connected to it too (a SharedWorker dies with its last page); only then
// does it take the focus, which closes the popup. Opened directly (bookmark, reload): already
// active, the worker starts cold.
void Promise.race([job?.rendererConnected, new Promise((resolve) => setTimeout(resolve, CONNECT_WAIT_MS))])
  .then(activateThisTab)
  .catch(() => undefined);

void import('./mount').then(({ mountExportPage }) => mountExportPage(request, job));
