import { describe, expect, it, vi } from 'vitest';
import { label } from '../../tests/support/label-test-data';
import { MessageError } from '../../utils/messaging/envelope';
import { DEFAULT_SETTINGS } from '../../utils/settings/settings-schema';
import type { RenderRequest } from './export-render-protocol';
import type { PreparedExport } from '../../utils/export-jobs/export-messages';
import { startFileExportJob, type FileExportJob, type FileExportJobDeps, type FileExportJobState } from './file-export-job';

const prepared = (labels: string[], shipTo: Parameters<typeof label>[1] = {}) =>
  ({
    labels: labels.map((orderSn) => label({ orderSn }, shipTo)),
    skipped: [{ orderSn: 'PO-9', reason: 'no-buyer-data' }],
    labelSheetLayout: '4up',
    csvCustomColumns: [],
    shippingRun: DEFAULT_SETTINGS.shippingRun,
    at: 1,
  }) as unknown as PreparedExport;

function deps(over: Partial<FileExportJobDeps> = {}) {
  const log: string[] = [];
  let finish: (state: 'complete' | 'interrupted') => void = () => undefined;
  const renderer = { render: vi.fn(async () => ({ fileName: 'f.csv', mimeType: 'text/csv', bytes: new Uint8Array([65]) })), end: vi.fn() };
  const d: FileExportJobDeps = {
    prepare: vi.fn(async () => {
      log.push('prepare');
      return prepared(['PO-1', 'PO-2']);
    }),
    startRenderer: vi.fn(() => {
      log.push('renderer');
      return renderer;
    }),
    save: vi.fn(async () => ({ downloadId: 7, exportId: 1, purgeAt: 0, dueNow: false, finished: new Promise<'complete' | 'interrupted'>((r) => (finish = r)) })),
    fontsUrl: 'fonts/',
    utcOffsetMinutes: 0,
    recordedDueText: () => 'recorded due',
    ...over,
  };
  return { d, log, renderer, finish: (s: 'complete' | 'interrupted') => finish(s) };
}

const settled = (job: FileExportJob, until: (s: FileExportJobState) => boolean) =>
  new Promise<FileExportJobState>((resolve) => {
    const check = () => until(job.getState()) && resolve(job.getState());
    job.subscribe(check);
    check();
  });

describe('startFileExportJob', () => {
  it('starts the renderer before asking for the data, then renders, saves and follows the download', async () => {
    const { d, log, renderer, finish } = deps();
    const job = startFileExportJob({ orderSns: ['PO-1', 'PO-2', 'PO-9'], format: 'csv-generic' }, d);
    expect(job.getState().phase).toBe('preparing');
    expect(log).toEqual(['renderer', 'prepare']);
    const done = await settled(job, (s) => s.outcome !== null);
    expect(done).toMatchObject({ phase: 'done', outcome: { fileName: 'f.csv', downloadId: 7, orderSns: ['PO-1', 'PO-2'] }, skipped: [{ orderSn: 'PO-9' }], saved: null });
    expect(renderer.render).toHaveBeenCalledTimes(1);
    expect(vi.mocked(d.save).mock.calls[0]![1]).toEqual({ fileName: 'f.csv', format: 'csv-generic', orderSns: ['PO-1', 'PO-2'] });
    finish('complete');
    expect((await settled(job, (s) => s.saved !== null)).saved).toBe('complete');
    // No buyer data stays in the job's state.
    expect(JSON.stringify(job.getState())).not.toContain('labels');
  });

  it('shows a failed prepare with a retry that asks again', async () => {
    const prepare = vi
      .fn<FileExportJobDeps['prepare']>()
      .mockRejectedValueOnce(new MessageError('locked', 'Vault is locked'))
      .mockResolvedValueOnce(prepared(['PO-1']));
    const { d, renderer } = deps({ prepare });
    const job = startFileExportJob({ orderSns: ['PO-1'], format: 'pdf-4x6' }, d);
    const failed = await settled(job, (s) => s.phase === 'failed');
    expect(failed.prepareError?.code).toBe('locked');
    expect(renderer.end).toHaveBeenCalledTimes(1);
    job.retry();
    await settled(job, (s) => s.outcome !== null);
    expect(prepare).toHaveBeenCalledTimes(2);
    expect(d.startRenderer).toHaveBeenCalledTimes(2);
  });

  it('says so when no order has an address, and renders nothing', async () => {
    const { d, renderer } = deps({ prepare: vi.fn(async () => prepared([])) });
    const job = startFileExportJob({ orderSns: ['PO-9'], format: 'zpl' }, d);
    expect(await settled(job, (s) => s.phase === 'failed')).toMatchObject({ nothing: true, skipped: [{ orderSn: 'PO-9' }] });
    expect(renderer.render).not.toHaveBeenCalled();
    expect(renderer.end).toHaveBeenCalled();
  });

  it('tells the seller when the file could only be tracked as due now', async () => {
    const { d } = deps({ save: vi.fn(async () => ({ downloadId: 7, exportId: 1, purgeAt: 0, dueNow: true, finished: Promise.resolve('complete' as const) })) });
    const job = startFileExportJob({ orderSns: ['PO-1'], format: 'csv-generic' }, d);
    expect(await settled(job, (s) => s.phase === 'failed')).toMatchObject({ error: 'recorded due', outcome: null });
  });

  it('sorts the run and stops at the address pre-check; held orders stay out, the rest are rendered (issue 14)', async () => {
    const run = { ...prepared(['PO-3', 'PO-1', 'PO-2']) };
    run.labels[1] = label({ orderSn: 'PO-1' }, { postcode: 'bad' });
    run.labels[2] = label({ orderSn: 'PO-2' }, { phone: null });
    const { d, renderer } = deps({ prepare: vi.fn(async () => run) });
    const job = startFileExportJob({ orderSns: ['PO-3', 'PO-1', 'PO-2'], format: 'csv-generic', choices: { sortBy: 'orderSn' } }, d);
    const review = await settled(job, (s) => s.phase === 'review');
    expect(review.review.map((r) => [r.orderSn, r.findings.map((f) => f.rule)])).toEqual([
      ['PO-1', ['postcode-format']],
      ['PO-2', ['missing-phone']],
    ]);
    expect(renderer.render).not.toHaveBeenCalled();
    job.decide(['PO-1']);
    await settled(job, (s) => s.outcome !== null);
    const rendered = (vi.mocked(renderer.render).mock.calls as unknown as [RenderRequest][])[0]![0];
    expect(rendered.labels.map((l) => l.orderSn)).toEqual(['PO-2', 'PO-3']);
    expect(job.getState().skipped).toEqual([
      { orderSn: 'PO-9', reason: 'no-buyer-data' },
      { orderSn: 'PO-1', reason: 'held' },
    ]);
  });
});

describe('the renderer connection (the export tab takes the focus after it)', () => {
  it('is the first renderer’s, or settled at once for a renderer without one', async () => {
    let connect: () => void = () => undefined;
    const connected = new Promise<void>((resolve) => (connect = resolve));
    const renderer = { render: vi.fn(), end: vi.fn(), connected };
    const job = startFileExportJob({ orderSns: ['PO-1'], format: 'pdf-4x6' }, deps({ startRenderer: () => renderer, prepare: () => new Promise(() => undefined) }).d);
    let settled = false;
    void job.rendererConnected.then(() => (settled = true));
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(settled).toBe(false);
    connect();
    await job.rendererConnected;
    const plain = startFileExportJob({ orderSns: ['PO-1'], format: 'csv-generic' }, deps({ prepare: () => new Promise(() => undefined) }).d);
    await expect(plain.rendererConnected).resolves.toBeUndefined();
  });
});
