import { browser } from 'wxt/browser';
import { exportPageHash, type ExportPageRequest } from '../../utils/export-jobs/export-page-url';

/**
 * Opens the print/export page in a tab for the selected orders. Exports run there, not in the
 * popup: the popup closes as soon as it loses focus and its blob URLs die with it
 * (docs/decisions.md, "Exports run in an extension tab").
 */
export async function openExportPage(request: ExportPageRequest): Promise<void> {
  await browser.tabs.create({ url: browser.runtime.getURL('/print.html') + exportPageHash(request) });
}

/** Base URL of the label fonts shipped in public/fonts (utils/export/fonts.ts loads them). */
export function labelFontsUrl(): string {
  return new URL('fonts/', browser.runtime.getURL('/')).href;
}
