import { browser } from 'wxt/browser';
import { exportPageHash, type ExportPageRequest } from '../../utils/export-jobs/export-page-url';

/** When the export tab has not taken the focus itself by then, the page that opened it gives it (the popup may be gone by then: harmless). */
const ACTIVATE_FALLBACK_MS = 1_500;

/**
 * Opens the print/export page in a tab for the selected orders. Exports run there, not in the
 * popup: the popup closes as soon as it loses focus and its blob URLs die with it
 * (docs/decisions.md, "Exports run in an extension tab"). The tab opens in the background and
 * activates itself once it is connected to the shared render worker (main.tsx): the popup that
 * warmed the worker stays open until then, so the warm worker outlives it (docs/decisions.md,
 * "Warm PDF renderer shared by the popup and the export tab").
 */
export async function openExportPage(request: ExportPageRequest): Promise<void> {
  const tab = await browser.tabs.create({ url: browser.runtime.getURL('/print.html') + exportPageHash(request), active: false });
  const tabId = tab.id;
  if (tabId === undefined) return;
  setTimeout(() => void browser.tabs.update(tabId, { active: true }).catch(() => undefined), ACTIVATE_FALLBACK_MS);
}

/** The export tab takes the focus (it was opened in the background). Its own tab: no `tabs` permission needed. */
export async function activateThisTab(): Promise<void> {
  const tab = await browser.tabs.getCurrent();
  if (tab?.id !== undefined && !tab.active) await browser.tabs.update(tab.id, { active: true });
}

/** Base URL of the label fonts shipped in public/fonts (utils/export/fonts.ts loads them). */
export function labelFontsUrl(): string {
  return new URL('fonts/', browser.runtime.getURL('/')).href;
}
