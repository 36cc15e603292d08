import fs from 'node:fs';
import path from 'node:path';

/**
 * One measured figure of `npm run bench` (issue 11: every figure with its in-run baseline and
 * ratio, median of several runs). Benches (vitest `*.bench.ts` or Playwright `*.pw-bench.ts`) call
 * `recordFigure` once per figure with all their samples; `npm run bench` gathers the lines into
 * `bench/results.json` and prints one table.
 */
export interface Figure {
  /** Stable id, e.g. "purge.10k-of-100k" (compared across runs by `npm run bench:compare`). */
  id: string;
  /** What was measured, in words. */
  label: string;
  /** Every sample in milliseconds (the table shows the median). */
  samplesMs: number[];
  /** Id of the figure this one is compared with in the same run (its in-run baseline). */
  baselineId?: string;
  /** The targets: median at most `maxMs`, ratio to the baseline at most `maxRatio`. */
  target?: { maxMs?: number; maxRatio?: number; minRatio?: number };
  /** Where: "chromium" (real browser) or "node" (fake-indexeddb / pure code). */
  where: 'chromium' | 'node';
}

/** Lines of the current run; `scripts/bench-report.mjs` reads and clears it. */
export const FIGURES_FILE = path.resolve('bench/.figures.jsonl');

export function recordFigure(figure: Figure): void {
  fs.appendFileSync(FIGURES_FILE, `${JSON.stringify({ ...figure, recordedAt: new Date().toISOString() })}\n`);
}

export function median(samples: readonly number[]): number {
  const sorted = [...samples].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  const at = (i: number): number => sorted[i] ?? Number.NaN;
  return sorted.length % 2 ? at(mid) : (at(mid - 1) + at(mid)) / 2;
}
