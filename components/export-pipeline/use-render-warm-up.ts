import { useEffect, useRef } from 'react';
import { isTextExportFormat } from '../../utils/export/file-names';
import type { PdfExportFormat } from '../../utils/export/render-pdf-file';
import type { ExportFormat } from '../../utils/export/shipment-label';
import { labelFontsUrl } from './export-page-adapter';
import { warmRenderWorker } from './render-in-worker';
import { preloadTextRender } from './render-on-page';

/** Formats the render worker makes (every file format but CSV and ZPL; `print` is the print view). */
export function isWorkerRenderedFormat(format: ExportFormat): format is PdfExportFormat {
  return format !== 'print' && !isTextExportFormat(format);
}

/**
 * Warms the shared render worker once while the popup is open and the seller is about to export
 * a PDF (issue 11): a PDF format picked, at least one order ticked, the vault unlocked. Sends
 * only order numbers (not PII) and renders sample labels; the export tab then finds the worker
 * warm. The popup keeps its connection until it closes (the worker lives on in the export tab).
 * Never for CSV or ZPL: they are made on the page, whose renderer chunks are fetched instead.
 */
export function useRenderWarmUp(format: ExportFormat, selected: ReadonlySet<string>, unlocked: boolean): void {
  const warm = useRef<ReturnType<typeof warmRenderWorker> | null>(null);
  const due = unlocked && selected.size > 0 && isWorkerRenderedFormat(format);
  const textDue = unlocked && selected.size > 0 && isTextExportFormat(format);
  useEffect(() => {
    if (textDue) preloadTextRender(format);
  }, [textDue, format]);
  useEffect(() => {
    if (!due || !isWorkerRenderedFormat(format)) return;
    // Orders ticked after the warm-up started: their barcodes are handed over too.
    if (warm.current) warm.current.offer([...selected]);
    else warm.current = warmRenderWorker(labelFontsUrl(), [...selected], format);
  }, [due, format, selected]);
  useEffect(
    () => () => {
      warm.current?.close();
      warm.current = null;
    },
    [],
  );
}
