import type { PdfProfileId, ZplProfileId } from '../../utils/export/print-profiles';
import { isZplProfileId } from '../../utils/export/print-profiles';
import type { ReturnAddress } from '../../utils/settings/settings-schema';
import { labelFontsUrl } from '../export-pipeline/export-page-adapter';

/**
 * A one-page test print of a profile (issue 14), downloaded from this page: an invented
 * recipient, so there is no buyer data to track or delete. The renderers load only when asked.
 */
export async function downloadTestPrint(profile: PdfProfileId | ZplProfileId, shipFrom: ReturnAddress): Promise<void> {
  const now = Date.now();
  const { testPrintLabel } = await import('../../utils/export/test-print');
  const label = testPrintLabel(shipFrom, now);
  let bytes: Uint8Array;
  let name: string;
  let type: string;
  if (isZplProfileId(profile)) {
    const { renderTextExportFile } = await import('../../utils/export/render-text-file');
    ({ bytes } = renderTextExportFile('zpl', [label], { now, zplProfile: profile }));
    name = `seller-vault-test-print-${profile}.zpl`;
    type = 'application/octet-stream';
  } else {
    const [{ renderPdfExportFile }, { loadFontsFromUrl }] = await Promise.all([import('../../utils/export/render-pdf-file'), import('../../utils/export/fonts')]);
    ({ bytes } = await renderPdfExportFile('pdf-labels', [label], { now, pdfProfile: profile, fonts: await loadFontsFromUrl(labelFontsUrl()) }));
    name = `seller-vault-test-print-${profile}.pdf`;
    type = 'application/pdf';
  }
  const url = URL.createObjectURL(new Blob([bytes as Uint8Array<ArrayBuffer>], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
