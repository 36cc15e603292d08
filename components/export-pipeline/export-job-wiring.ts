import { i18n } from '../common/i18n';
import { isTextExportFormat, type FileExportFormat } from '../../utils/export/file-names';
import { sendMessage } from '../../utils/messaging/send-message-adapter';
import { runtimeUtcOffsetMinutes } from '../../utils/time/local-day';
import type { RunChoices } from '../../utils/export-jobs/export-page-url';
import { saveFile } from './downloads-adapter';
import { labelFontsUrl } from './export-page-adapter';
import { startFileExportJob, type FileExportJob } from './file-export-job';
import { prepareTextRender, renderOnPage } from './render-on-page';
import { startRenderWorker } from './render-in-worker';

/**
 * A file export with the extension's real steps: export/prepare, the render worker for PDFs or
 * the page itself for CSV and ZPL, export/save.
 */
export function startExport(request: { orderSns: string[]; format: FileExportFormat; choices?: RunChoices }): FileExportJob {
  const { orderSns, format } = request;
  return startFileExportJob(request, {
    prepare: (sns, f) => sendMessage('export/prepare', { orderSns: sns, format: f }),
    startRenderer: () => {
      if (!isTextExportFormat(format)) return startRenderWorker(labelFontsUrl(), orderSns);
      prepareTextRender(format, orderSns);
      return { render: renderOnPage, end: () => undefined };
    },
    save: saveFile,
    fontsUrl: labelFontsUrl(),
    utcOffsetMinutes: runtimeUtcOffsetMinutes(),
    recordedDueText: () => i18n.t('retentionFix.exportUntracked'),
  });
}
