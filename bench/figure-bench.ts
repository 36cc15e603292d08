import { bench } from 'vitest';
import { type Figure, recordFigure } from './figures';

type BenchOptions = NonNullable<Parameters<typeof bench>[2]>;

/** What a vitest bench adds to make its timed runs a figure of `npm run bench`. */
export interface FigureSpec {
  id: string;
  /** The figure measured in the same run that this one is compared with. */
  baselineId?: string;
  target?: Figure['target'];
}

/**
 * A vitest bench (same name, function and options) whose timed runs also become one figure of
 * `npm run bench` (`where: 'node'`, label = the bench's name). Each call of `fn` in the timed
 * phase is one sample, measured around `fn` alone; warm-up calls are not recorded. The wrapper is
 * an async function, so tinybench never calls `fn` an extra time to find out whether it is async.
 * Several benches may share an id (interleaved rounds): the report joins their samples.
 * A bench that throws (in warm-up or timed) records nothing and fails `vitest bench`.
 */
export function figureBench(spec: FigureSpec, name: string, fn: () => unknown, options: BenchOptions = {}): void {
  let phase: 'warmup' | 'run' = 'warmup';
  let samples: number[] = [];
  let failed = false;
  let warmupError: unknown;
  bench(
    name,
    async () => {
      // tinybench drops an error thrown in warm-up silently (the run passes) and, with `throws`,
      // hangs Vitest on one thrown in the timed phase; so a warm-up error is thrown again by the
      // first timed call, where Vitest reports it and fails the run.
      if (phase === 'run' && warmupError !== undefined) {
        failed = true;
        throw warmupError;
      }
      const t0 = performance.now();
      try {
        const result = fn();
        // Awaited only when async (Dexie's promises included): a sync fn is timed without a tick.
        if (typeof (result as PromiseLike<unknown> | undefined)?.then === 'function') await result;
      } catch (err) {
        if (phase === 'warmup') {
          warmupError ??= err;
          return;
        }
        failed = true;
        throw err;
      }
      if (phase === 'run') samples.push(performance.now() - t0);
    },
    {
      ...options,
      throws: false,
      setup: async (task, mode) => {
        phase = mode;
        samples = [];
        failed = false;
        await options.setup?.(task, mode);
      },
      // tinybench does not await teardown: record first (synchronously), then the bench's own.
      teardown: (task, mode) => {
        if (mode === 'run' && !failed && samples.length > 0) {
          recordFigure({
            id: spec.id,
            label: name,
            samplesMs: samples,
            where: 'node',
            ...(spec.baselineId ? { baselineId: spec.baselineId } : {}),
            ...(spec.target ? { target: spec.target } : {}),
          });
        }
        return options.teardown?.(task, mode);
      },
    },
  );
}
