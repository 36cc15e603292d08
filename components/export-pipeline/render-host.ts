import type { Code128Symbol } from '../../utils/export/barcode-symbols';
import type { FontProvider } from '../../utils/export/fonts';
import type { ExportFile, RenderExportOptions } from '../../utils/export/render-export-file';
import type { PdfExportFormat } from '../../utils/export/render-pdf-file';
import type { ShipmentLabel } from '../../utils/export/shipment-label';
import { isTextExportFormat } from '../../utils/export/file-names';
import type { RenderWorkerMessage, RenderWorkerReply } from './export-render-protocol';

/** One client's end of the shared render worker (a MessagePort in the browser; a fake in tests). */
export interface RenderPort {
  onmessage: ((event: { data: RenderWorkerMessage }) => void) | null;
  postMessage(message: RenderWorkerReply, transfer?: Transferable[]): void;
}

export interface RenderHostDeps {
  loadFonts(fontsUrl: string): Promise<FontProvider>;
  /** Loads and shapes the fonts the order numbers and headings need (render-warmup.ts). */
  warm(fonts: FontProvider, orderSns: readonly string[]): Promise<void>;
  rememberBarcodes(symbols: readonly [string, Code128Symbol][]): void;
  /** Whether the symbol of this order number is held (remembered or encoded before). */
  knowsBarcode(orderSn: string): boolean;
  render(format: PdfExportFormat, labels: ShipmentLabel[], options: RenderExportOptions): Promise<ExportFile>;
  /** Sample labels for a throw-away render (placeholder text, the given order numbers). */
  sampleLabels(orderSns: readonly string[]): ShipmentLabel[];
  now(): number;
}

export interface RenderHost {
  /** A new client (the popup warming up, an export tab): its port speaks the protocol of export-render-protocol.ts. */
  connect(port: RenderPort): void;
}

/**
 * The render worker's logic (issue 11), shared by every extension page that connects: the popup
 * warms it while the seller decides, the export tab then renders with it warm. Renders run one
 * after another, whichever port asked. Between renders it keeps only what is not personal: the
 * font provider (font files) and, in barcode-symbols.ts, the order numbers' Code 128 symbols.
 * A render's labels live in its own closure until the reply is posted (the bytes are
 * transferred, not copied); nothing of them is kept after.
 */
export function createRenderHost(deps: RenderHostDeps): RenderHost {
  let fonts: Promise<FontProvider> | null = null;
  let warmed: Promise<unknown> = Promise.resolve();
  // The render queue: each render (or rehearsal) starts when the one before it settled.
  let turn: Promise<unknown> = Promise.resolve();
  // Real renders asked for so far: a rehearsal never delays one, and after one the code is warm anyway.
  let renders = 0;

  const fontsFrom = (fontsUrl: string) => {
    if (!fonts) {
      const loading = deps.loadFonts(fontsUrl);
      // A failed load must not stick in a worker that outlives this export: the next one retries.
      loading.catch(() => {
        if (fonts === loading) fonts = null;
      });
      fonts = loading;
    }
    return fonts;
  };

  const enqueue = (work: () => Promise<void>) => {
    const next = turn.then(work, work);
    turn = next.catch(() => undefined);
  };

  return {
    connect(port) {
      port.onmessage = (event) => {
        const message = event.data;
        if (message.kind === 'warm') {
          // Best effort: a failure here shows up again, with its message, in the render.
          const fontsUrl = message.fontsUrl;
          const orderSns = message.orderSns;
          warmed = Promise.all([warmed, fontsFrom(fontsUrl).then((provider) => deps.warm(provider, orderSns))]).catch(() => undefined);
          const missing: RenderWorkerReply = { kind: 'barcodes-missing', orderSns: orderSns.filter((sn) => !deps.knowsBarcode(sn)) };
          port.postMessage(missing);
          return;
        }
        if (message.kind === 'barcodes') {
          deps.rememberBarcodes(message.symbols);
          return;
        }
        if (message.kind === 'rehearse') {
          deps.rememberBarcodes(message.symbols);
          const { format, fontsUrl, orderSns } = message;
          if (renders > 0) return;
          enqueue(async () => {
            if (renders > 0) return;
            await warmed;
            const labels = deps.sampleLabels(orderSns);
            if (labels.length > 0) await deps.render(format, labels, { now: deps.now(), fonts: await fontsFrom(fontsUrl) }).catch(() => undefined);
          });
          return;
        }
        renders += 1;
        let request: typeof message.request | null = message.request;
        enqueue(async () => {
          let reply: RenderWorkerReply;
          const transfer: Transferable[] = [];
          try {
            await warmed;
            const { format, labels, options, fontsUrl } = request!;
            // CSV and ZPL are made on the page (render-on-page.ts); this worker only makes PDFs.
            if (isTextExportFormat(format)) throw new Error(`${format} is made on the page, not in the render worker`);
            const file = await deps.render(format, labels, { ...options, fonts: await fontsFrom(fontsUrl) });
            reply = { kind: 'rendered', reply: { ok: true, file } };
            transfer.push(file.bytes.buffer as ArrayBuffer);
          } catch (err) {
            reply = { kind: 'rendered', reply: { ok: false, message: err instanceof Error ? err.message : String(err) } };
          } finally {
            request = null;
          }
          port.postMessage(reply, transfer);
        });
      };
      const ready: RenderWorkerReply = { kind: 'ready' };
      port.postMessage(ready);
    },
  };
}
