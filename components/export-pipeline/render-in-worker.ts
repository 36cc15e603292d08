import type { ExportFile } from '../../utils/export/index';
import type { PdfExportFormat } from '../../utils/export/render-pdf-file';
import type { Code128Symbol } from '../../utils/export/barcode-symbols';
import type { RenderReply, RenderRequest, RenderWorkerMessage, RenderWorkerReply } from './export-render-protocol';

/** Barcodes encoded between two breaks of the page's main thread (a few tens of ms of work each). */
const BARCODE_SLICE = 100;

/** Order numbers whose barcodes the popup encodes for the rehearsal's sample labels (they cycle through them). */
const REHEARSAL_ORDER_SNS = 40;

const FAILED_TO_START = 'The export worker failed to start';

interface RenderWorkerConnection {
  post(message: RenderWorkerMessage): void;
  /** Settles when the worker has this page's port (`ready`), or at once if it failed to start. */
  ready: Promise<void>;
  close(): void;
}

/**
 * Connects this page to the shared render worker (export-render.worker.ts). The one place that
 * names the worker script, so the popup and the export tab construct it from the same built URL
 * and name, and so reach the same instance while either is open (a SharedWorker lives as long as
 * one of its pages does).
 */
function connectRenderWorker(onReply: (reply: RenderReply) => void, onBarcodesMissing: (orderSns: string[]) => void = () => undefined): RenderWorkerConnection {
  const worker = new SharedWorker(new URL('../../entrypoints/print/export-render.worker.ts', import.meta.url), { type: 'module', name: 'export-render' });
  let readyNow: () => void = () => undefined;
  const ready = new Promise<void>((resolve) => {
    readyNow = resolve;
  });
  const fail = (message: string) => {
    readyNow();
    onReply({ ok: false, message });
  };
  // A script that cannot load or throws at start: an Event without a message in Chromium.
  worker.onerror = (event) => fail((event as ErrorEvent).message || FAILED_TO_START);
  worker.port.onmessageerror = () => fail(FAILED_TO_START);
  worker.port.onmessage = (event: MessageEvent<RenderWorkerReply>) => {
    if (event.data.kind === 'ready') readyNow();
    else if (event.data.kind === 'barcodes-missing') onBarcodesMissing(event.data.orderSns);
    else onReply(event.data.reply);
  };
  return {
    post: (message) => worker.port.postMessage(message),
    ready,
    close: () => worker.port.close(),
  };
}

/**
 * The order numbers' Code 128 symbols, encoded in slices so the page keeps answering; the encoder
 * (bwip-js, ~0.9 MB) is a chunk of its own. `stopped`, asked between slices, ends the work early.
 */
async function encodeBarcodes(orderSns: readonly string[], stopped: () => boolean = () => false): Promise<[string, Code128Symbol][]> {
  if (orderSns.length === 0) return [];
  const { encodeCode128Ahead } = await import('../../utils/export/barcode');
  const symbols: [string, Code128Symbol][] = [];
  for (let start = 0; start < orderSns.length && !stopped(); start += BARCODE_SLICE) {
    symbols.push(...encodeCode128Ahead(orderSns.slice(start, start + BARCODE_SLICE)));
    await new Promise((resolve) => setTimeout(resolve));
  }
  return symbols;
}

export interface RenderWorker {
  /** Renders one file; the worker keeps nothing of it (the bytes are transferred to this page). */
  render(request: RenderRequest): Promise<ExportFile>;
  /** Lets go of the worker without a render (e.g. export/prepare failed). */
  end(): void;
  /** Settles once the worker holds this page's port (or failed to start). */
  connected: Promise<void>;
}

/**
 * Connects to the render worker at once, before the buyer data is there: it loads the fonts
 * while export/prepare runs (issue 11), or is warm already when the popup warmed it. Meanwhile
 * this page, idle until the data comes, encodes the order numbers' barcodes and hands them over,
 * so the worker script does not carry the encoder.
 */
export function startRenderWorker(fontsUrl: string, orderSns: string[]): RenderWorker {
  let failed: string | null = null;
  let settle: ((reply: RenderReply) => void) | null = null;
  // The popup hands the worker the selected orders' barcodes while the seller decides: when the
  // worker answers `warm` with none missing, the render is asked at once and this page stops
  // encoding (measured: 500 barcodes on the export tab's busy main thread delayed the render
  // 0.4–0.7 s, issue 11).
  let workerHoldsBarcodes = false;
  let heldByWorker: () => void = () => undefined;
  const barcodesHeld = new Promise<void>((resolve) => {
    heldByWorker = resolve;
  });
  const connection = connectRenderWorker(
    (reply) => {
      if (!reply.ok) failed = reply.message;
      settle?.(reply);
    },
    (missing) => {
      if (missing.length > 0) return;
      workerHoldsBarcodes = true;
      heldByWorker();
    },
  );
  connection.post({ kind: 'warm', fontsUrl, orderSns });
  // If this fails, the worker encodes what it misses itself (slower, same file).
  const barcodes = encodeBarcodes(orderSns, () => workerHoldsBarcodes)
    .then((symbols) => {
      if (!workerHoldsBarcodes) connection.post({ kind: 'barcodes', symbols });
    })
    .catch(() => undefined);
  return {
    async render(request) {
      await Promise.race([barcodes, barcodesHeld]);
      return new Promise<ExportFile>((resolve, reject) => {
        settle = (reply) => {
          settle = null;
          connection.close();
          if (reply.ok) resolve(reply.file);
          else reject(new Error(reply.message));
        };
        if (failed) return settle({ ok: false, message: failed });
        connection.post({ kind: 'render', request });
      });
    },
    end: () => connection.close(),
    connected: connection.ready,
  };
}

/**
 * The popup's warm-up while the seller decides (issue 11): connects to the render worker, which
 * loads the fonts for the selected order numbers (not PII) and then renders sample labels once
 * (placeholder text; the barcodes of a few selected order numbers, encoded here), so its code is
 * compiled and its font slices are parsed when the export tab asks for the real file. Then, and
 * for every order ticked later (`offer`), this page encodes the selected orders' barcodes and
 * hands them over, so the export tab need not. The popup keeps the connection while it is open;
 * `close` lets go.
 */
export function warmRenderWorker(fontsUrl: string, orderSns: string[], format: PdfExportFormat): { offer(orderSns: readonly string[]): void; close(): void } {
  const connection = connectRenderWorker(() => undefined);
  connection.post({ kind: 'warm', fontsUrl, orderSns });
  const sample = orderSns.slice(0, REHEARSAL_ORDER_SNS);
  const handedOver = new Set(sample);
  // One encoding at a time, in the order asked: the rehearsal's symbols first.
  let encoding = encodeBarcodes(sample)
    .then((symbols) => connection.post({ kind: 'rehearse', format, fontsUrl, orderSns: sample, symbols }))
    .catch(() => undefined);
  const offer = (more: readonly string[]) => {
    const fresh = more.filter((sn) => !handedOver.has(sn));
    if (fresh.length === 0) return;
    for (const sn of fresh) handedOver.add(sn);
    encoding = encoding
      .then(() => encodeBarcodes(fresh))
      .then((symbols) => connection.post({ kind: 'barcodes', symbols }))
      .catch(() => undefined);
  };
  offer(orderSns);
  return { offer, close: () => connection.close() };
}
