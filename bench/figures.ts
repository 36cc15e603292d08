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

/**
 * Lines of the current run; `npm run bench` (scripts/bench-run.mjs) clears it before the benches
 * and `scripts/bench-report.mjs` reads it. A figure recorded more than once in a run (same id)
 * is one figure with all the samples; its label, baseline and target come from its first line.
 */
export const FIGURES_FILE = path.resolve('bench/.figures.jsonl');

export function recordFigure(figure: Figure): void {
  fs.appendFileSync(FIGURES_FILE, `${JSON.stringify({ ...figure, recordedAt: new Date().toISOString() })}\n`);
}

/**
 * Byte sizes of built files (the footprint bench), written to `bench/footprint-sizes.json`:
 *
 *   { "files": [ { "id": "popup.js", "label": "popup script", "bytes": 123456, "gzipBytes": 40123,
 *                  "targetGzipBytes": 51200, "baselineBytes": 98765 } ] }
 *
 * `npm run bench` deletes the file before the benches, so a run that did not write it reports no
 * sizes; the report copies it into `bench/results.json` (`footprint`) and prints it as a second
 * table: gzip bytes against `targetGzipBytes` (met when ≤), raw bytes against `baselineBytes`
 * (ratio = bytes / baselineBytes), e.g. the same file without a dependency, measured in the run.
 */
export interface FootprintFile {
  /** Stable id, e.g. "chrome-mv3/popup.js" (compared across runs by `npm run bench:compare`). */
  id: string;
  label: string;
  /** Size on disk, as built. */
  bytes: number;
  /** Size after gzip (what a download counts). */
  gzipBytes: number;
  /** The budget for this file, gzipped. */
  targetGzipBytes?: number;
  /** Raw bytes of the thing this file is compared with, measured in the same run. */
  baselineBytes?: number;
}

export interface FootprintSizes {
  files: FootprintFile[];
}

export const FOOTPRINT_FILE = path.resolve('bench/footprint-sizes.json');

/** Writes (replaces) `bench/footprint-sizes.json` for the report. */
export function writeFootprintSizes(sizes: FootprintSizes): void {
  fs.writeFileSync(FOOTPRINT_FILE, `${JSON.stringify(sizes, null, 2)}\n`);
}

export function median(samples: readonly number[]): number {
  const sorted = [...samples].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  const at = (i: number): number => sorted[i] ?? Number.NaN;
  return sorted.length % 2 ? at(mid) : (at(mid - 1) + at(mid)) / 2;
}
