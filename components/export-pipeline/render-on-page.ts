import type { ExportFile } from '../../utils/export/index';
import type { RenderRequest } from './export-render-protocol';

/**
 * CSV and ZPL are made on the page that asks (the popup, or the export tab): text, rendered in
 * milliseconds, with no fonts and no PDF library, so no worker is started for them (issue 11).
 * Their code is a separate chunk, fetched when an export starts.
 */
const textRenderer = () => import('../../utils/export/render-text-file');
const barcodes = () => import('../../utils/export/barcode');

/**
 * Fetches (and so compiles) the renderer's chunks ahead of an export: the popup calls it while the
 * seller decides, so the click does not wait for them (the barcode encoder alone is ~0.9 MB).
 */
export function preloadTextRender(format: string): void {
  void textRenderer().catch(() => undefined);
  if (format === 'zpl') void barcodes().catch(() => undefined);
}

/** Fetches the renderer and encodes the order numbers' barcodes (ZPL sizes its symbols from them) while export/prepare runs. */
export function prepareTextRender(format: string, orderSns: string[]): void {
  preloadTextRender(format);
  if (format === 'zpl') void barcodes().then(({ encodeCode128Ahead }) => encodeCode128Ahead(orderSns));
}

export async function renderOnPage(request: RenderRequest): Promise<ExportFile> {
  const { isTextExportFormat, renderTextExportFile } = await textRenderer();
  if (!isTextExportFormat(request.format)) throw new Error(`${request.format} is made by the render worker`);
  return renderTextExportFile(request.format, request.labels, request.options);
}
