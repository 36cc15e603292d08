import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '../../components/base.css';
import { i18n } from '../../components/common/i18n';
import { applyUiLanguage } from '../../components/common/ui-language-adapter';
import type { FileExportJob } from '../../components/export-pipeline/file-export-job';
import type { ExportPageRequest } from '../../utils/export-jobs/export-page-url';
import { App } from './App';

/** The export tab's UI (React), loaded by main.tsx after it has started the export. */
export function mountExportPage(request: ExportPageRequest | null, job: FileExportJob | null): void {
  // The language (browser's or the seller's choice, issue 15) is settled before the first render.
  void applyUiLanguage().then(() => {
    document.title = i18n.t('pageTitle.print');
    createRoot(document.getElementById('root')!).render(
      <StrictMode>
        <App request={request} job={job} />
      </StrictMode>,
    );
  });
}
