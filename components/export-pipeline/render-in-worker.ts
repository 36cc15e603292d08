import type { ExportFile } from '../../utils/export/index';
import type { RenderReply, RenderRequest } from './export-render-protocol';

/** One file rendered in a fresh dedicated worker (ended afterwards: fonts and PII leave memory with it). */
export function renderInWorker(request: RenderRequest): Promise<ExportFile> {
  const worker = new Worker(new URL('../../entrypoints/print/export-render.worker.ts', import.meta.url), { type: 'module' });
  return new Promise<ExportFile>((resolve, reject) => {
    worker.onmessage = (event: MessageEvent<RenderReply>) => {
      worker.terminate();
      if (event.data.ok) resolve(event.data.file);
      else reject(new Error(event.data.message));
    };
    worker.onerror = (event) => {
      worker.terminate();
      reject(new Error(event.message || 'The export worker failed to start'));
    };
    worker.postMessage(request);
  });
}
