import type { ExportFile } from '../../utils/export/index';
import type { FileExportFormat } from '../../utils/export/file-names';
import { MessageError } from '../../utils/messaging/envelope';
import type { PreparedExport } from '../../utils/export-jobs/export-messages';
import type { RenderRequest } from './export-render-protocol';
import { type AddressFinding, precheckConstraintsFor, precheckRun } from '../../utils/export/address-precheck';
import { orderLabels } from '../../utils/export/label-order';
import type { RunChoices } from '../../utils/export-jobs/export-page-url';
import { FileRecordedDueError, runFileExport, type FileExportPhase, type FileExportSteps } from './file-export-runner';

export interface FileExportJobState {
  /** `review`: the address pre-check found something; the seller decides per order (issue 14). */
  phase: 'preparing' | 'review' | FileExportPhase | 'failed';
  /** Pre-check findings of the orders to decide on (order numbers and rules only, no values). */
  review: { orderSn: string; findings: AddressFinding[] }[];
  /** export/prepare failed (e.g. the vault is locked): the seller can retry. */
  prepareError: MessageError | null;
  /** The export failed after prepare (text for the seller). */
  error: string | null;
  /** None of the orders had an address to export. */
  nothing: boolean;
  /** Orders left out, with the reason (order numbers only). */
  skipped: PreparedExport['skipped'];
  outcome: { fileName: string; downloadId: number; orderSns: string[] } | null;
  /** Chromium's last word on the download. */
  saved: 'complete' | 'interrupted' | null;
}

/** What renders the file: the render worker (PDF) or the page itself (CSV, ZPL). Started with the job, before the data is there. */
export interface FileRenderer {
  render(request: RenderRequest): Promise<ExportFile>;
  /** Frees it when no render will come (prepare failed, nothing to export). */
  end(): void;
  /** The render worker holds this page's connection (the export tab waits for it before it takes the focus from the popup). */
  connected?: Promise<void>;
}

export interface FileExportJobDeps {
  prepare(orderSns: string[], format: FileExportFormat): Promise<PreparedExport>;
  startRenderer(): FileRenderer;
  save: FileExportSteps['save'];
  fontsUrl: string;
  utcOffsetMinutes: number;
  /** Text for an untracked file that was recorded due now. */
  recordedDueText: () => string;
}

export interface FileExportJob {
  getState(): FileExportJobState;
  subscribe(listener: () => void): () => void;
  /** Asks export/prepare again after it failed (e.g. after unlocking). */
  retry(): void;
  /** After the pre-check: continue without the orders in `held` (the rest are exported anyway). */
  decide(held: readonly string[]): void;
  /** Settles once the first attempt's renderer is connected (at once for the page's own renderer). */
  rendererConnected: Promise<void>;
}

const INITIAL: FileExportJobState = { phase: 'preparing', review: [], prepareError: null, error: null, nothing: false, skipped: [], outcome: null, saved: null };

/**
 * One file export (issues 6, 11), started at once: the renderer warms up (worker: fonts and
 * barcodes) while export/prepare opens the buyer data (one audited read per attempt); then
 * render → download and tracked export. Runs in the export tab or, for CSV and ZPL, in the
 * popup. The decrypted labels are held only until the renderer has them; the state keeps
 * order numbers and the file name, never PII.
 */
export function startFileExportJob(request: { orderSns: string[]; format: FileExportFormat; choices?: RunChoices }, deps: FileExportJobDeps): FileExportJob {
  let state = INITIAL;
  const listeners = new Set<() => void>();
  const set = (patch: Partial<FileExportJobState>) => {
    state = { ...state, ...patch };
    for (const listener of listeners) listener();
  };

  // Between the pre-check and the seller's decision: the prepared run and its warm renderer.
  let awaiting: { prepared: PreparedExport; renderer: FileRenderer } | null = null;
  let rendererConnected: Promise<void> | undefined;

  const run = (prepared: PreparedExport, renderer: FileRenderer) => {
    if (prepared.labels.length === 0) {
      renderer.end();
      set({ phase: 'failed', nothing: true });
      return;
    }
    runFileExport(
      request.format,
      prepared,
      { fontsUrl: deps.fontsUrl, utcOffsetMinutes: deps.utcOffsetMinutes, choices: request.choices },
      { render: (r) => renderer.render(r), save: deps.save },
      (phase) => set({ phase }),
    ).then(
      (outcome) => {
        set({ outcome: { fileName: outcome.fileName, downloadId: outcome.downloadId, orderSns: outcome.orderSns } });
        void outcome.finished.then((saved) => set({ saved }));
      },
      (err: unknown) => {
        renderer.end();
        set({ phase: 'failed', error: err instanceof FileRecordedDueError ? deps.recordedDueText() : err instanceof Error ? err.message : String(err) });
      },
    );
  };

  const attempt = () => {
    const renderer = deps.startRenderer();
    rendererConnected ??= renderer.connected ?? Promise.resolve();
    deps.prepare(request.orderSns, request.format).then(
      (received) => {
        // The run's label order (issue 14): the seller's default, or this run's choice.
        const labels = orderLabels(received.labels, {
          sortBy: request.choices?.sortBy ?? received.shippingRun.sortBy,
          reverse: request.choices?.reverse ?? received.shippingRun.reverseStack,
        });
        const prepared = { ...received, labels };
        set({ skipped: prepared.skipped });
        const constraints = precheckConstraintsFor(request.format, prepared.shippingRun);
        const review = constraints ? precheckRun(labels, constraints) : [];
        if (review.length > 0) {
          awaiting = { prepared, renderer };
          set({ phase: 'review', review });
          return;
        }
        run(prepared, renderer);
      },
      (err: unknown) => {
        renderer.end();
        set({ phase: 'failed', prepareError: err instanceof MessageError ? err : new MessageError('internal', String(err)) });
      },
    );
  };
  attempt();

  return {
    rendererConnected: rendererConnected ?? Promise.resolve(),
    getState: () => state,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    retry() {
      if (!state.prepareError) return;
      set(INITIAL);
      attempt();
    },
    decide(held) {
      if (!awaiting || state.phase !== 'review') return;
      const { prepared, renderer } = awaiting;
      awaiting = null;
      const hold = new Set(held);
      const skipped = [...prepared.skipped, ...prepared.labels.filter((l) => hold.has(l.orderSn)).map((l) => ({ orderSn: l.orderSn, reason: 'held' as const }))];
      set({ review: [], skipped });
      run({ ...prepared, labels: prepared.labels.filter((l) => !hold.has(l.orderSn)), skipped }, renderer);
    },
  };
}
