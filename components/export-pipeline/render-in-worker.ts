import type { ExportFile } from '../../utils/export/index';
import type { RenderReply, RenderRequest, RenderWorkerMessage } from './export-render-protocol';

/** Barcodes encoded between two breaks of the page's main thread (a few tens of ms of work each). */
const BARCODE_SLICE = 100;

export interface RenderWorker {
  /** Renders one file; the worker ends afterwards (fonts and PII leave memory with it). */
  render(request: RenderRequest): Promise<ExportFile>;
  /** Ends the worker without a render (e.g. export/prepare failed). */
  end(): void;
}

/**
 * Starts the render worker at once, before the buyer data is there: it loads the fonts while
 * export/prepare runs (issue 11). Meanwhile this page, idle until the data comes, encodes the
 * order numbers' barcodes and hands them over, so the worker script does not carry the encoder
 * (bwip-js, ~0.9 MB: its start was the longest wait).
 */
export function startRenderWorker(fontsUrl: string, orderSns: string[]): RenderWorker {
  const worker = new Worker(new URL('../../entrypoints/print/export-render.worker.ts', import.meta.url), { type: 'module' });
  let failed: Error | null = null;
  let settle: ((reply: RenderReply) => void) | null = null;
  worker.onmessage = (event: MessageEvent<RenderReply>) => settle?.(event.data);
  worker.onerror = (event) => {
    failed = new Error(event.message || 'The export worker failed to start');
    settle?.({ ok: false, message: failed.message });
  };
  const warm: RenderWorkerMessage = { kind: 'warm', fontsUrl, orderSns };
  worker.postMessage(warm);
  // In slices, so the page keeps answering; if this fails, the worker encodes what it misses itself (slower, same file).
  const barcodes = import('../../utils/export/barcode')
    .then(async ({ encodeCode128Ahead }) => {
      const symbols: ReturnType<typeof encodeCode128Ahead> = [];
      for (let start = 0; start < orderSns.length; start += BARCODE_SLICE) {
        symbols.push(...encodeCode128Ahead(orderSns.slice(start, start + BARCODE_SLICE)));
        await new Promise((resolve) => setTimeout(resolve));
      }
      const message: RenderWorkerMessage = { kind: 'barcodes', symbols };
      worker.postMessage(message);
    })
    .catch(() => undefined);
  return {
    async render(request) {
      await barcodes;
      return new Promise<ExportFile>((resolve, reject) => {
        settle = (reply) => {
          worker.terminate();
          if (reply.ok) resolve(reply.file);
          else reject(new Error(reply.message));
        };
        if (failed) return settle({ ok: false, message: failed.message });
        const message: RenderWorkerMessage = { kind: 'render', request };
        worker.postMessage(message);
      });
    },
    end: () => worker.terminate(),
  };
}
