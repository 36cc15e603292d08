import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '../../components/base.css';
import { startExport } from '../../components/export-pipeline/export-job-wiring';
import { parseExportPageHash } from '../../utils/export-jobs/export-page-url';
import { i18n } from '../../components/common/i18n';
import { applyUiLanguage } from '../../components/common/ui-language-adapter';
import { App } from './App';

// Read once: a later hash change must not silently start a second export. A file export starts
// here, before React renders (issue 11): one export is one audited read, whatever React does.
const request = parseExportPageHash(location.hash);
const job = request && request.format !== 'print' ? startExport({ orderSns: request.orderSns, format: request.format, choices: request.choices }) : null;

// The language (browser's or the seller's choice, issue 15) is settled before the first render.
void applyUiLanguage().then(() => {
  document.title = i18n.t('pageTitle.print');
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <App request={request} job={job} />
    </StrictMode>,
  );
});
