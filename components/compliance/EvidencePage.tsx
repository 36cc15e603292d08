import { i18n } from '../common/i18n';
import { messageKey } from '../common/message-key';
import { evidencePackOf } from '../../utils/compliance/evidence-pack-file';
import { renderEvidencePdf } from '../../utils/compliance/evidence-pdf';
import { loadFontsFromUrl } from '../../utils/export/fonts';
import { sendMessage } from '../../utils/messaging/send-message-adapter';
import { PROCESSING_RECORDS } from '../../utils/processing/processing-records';
import { labelFontsUrl } from '../export-pipeline/export-page-adapter';
import { OutcomeMessage } from '../common/OutcomeMessage';
import { useAction } from '../common/use-action';
import { errorText } from '../retention/format-time';
import { saveUntrackedFile } from './file-download-adapter';
import { processingAccessText, processingDeletionText, processingPurposeText } from './processing-text';

/** Options → Evidence: the one-click evidence pack (PDF + JSON, no buyer data) and the records of processing. */
export function EvidencePage() {
  const { busy, message, run } = useAction(errorText);
  const exportPack = () =>
    run(async () => {
      const pack = evidencePackOf(await sendMessage('evidence/collect', { utcOffsetMinutes: -new Date().getTimezoneOffset() }));
      const stamp = pack.generatedAt.slice(0, 10);
      saveUntrackedFile(new Blob([JSON.stringify(pack, null, 2)], { type: 'application/json' }), `evidence-pack-${stamp}.json`);
      const pdf = await renderEvidencePdf(pack, await loadFontsFromUrl(labelFontsUrl()), Date.parse(pack.generatedAt));
      saveUntrackedFile(new Blob([pdf as BlobPart], { type: 'application/pdf' }), `evidence-pack-${stamp}.pdf`);
      return i18n.t('evidence.saved');
    });
  return (
    <section data-testid="EvidencePage">
      <h2>{i18n.t('evidence.title')}</h2>
      <p>{i18n.t('evidence.intro')}</p>
      <button type="button" data-testid="evidence-export" disabled={busy} onClick={exportPack}>
        {i18n.t('evidence.export')}
      </button>
      <OutcomeMessage outcome={message} />
      <h3>{i18n.t('processing.title')}</h3>
      <p className="sv-muted">{i18n.t('processing.intro')}</p>
      <table className="sv-audit-table" data-testid="processing-records">
        <thead>
          <tr>
            <th>{i18n.t('processing.col.field')}</th>
            <th>{i18n.t('processing.col.source')}</th>
            <th>{i18n.t('processing.col.purpose')}</th>
            <th>{i18n.t('processing.col.kept')}</th>
            <th>{i18n.t('processing.col.access')}</th>
            <th>{i18n.t('processing.col.deleted')}</th>
          </tr>
        </thead>
        <tbody>
          {PROCESSING_RECORDS.flatMap((g) =>
            Object.entries(g.fields).map(([name, f]) => (
              <tr key={`${g.table}.${name}`} data-personal={g.personal}>
                <td>
                  {g.table}.{name}
                </td>
                <td>{i18n.t(`processing.source.${messageKey(f.source)}`)}</td>
                <td>{processingPurposeText(g, name)}</td>
                <td>{i18n.t(`processing.keeping.${g.keeping}`)}</td>
                <td>{processingAccessText(g)}</td>
                <td>{processingDeletionText(g)}</td>
              </tr>
            )),
          )}
        </tbody>
      </table>
    </section>
  );
}
