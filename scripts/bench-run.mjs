#!/usr/bin/env node
// @ts-check
/**
 * `npm run bench` (issue 11): clears the figures of the last run, runs the Vitest benches
 * (Node, fake-indexeddb), builds the extension and runs the Playwright benches (real Chromium),
 * then writes and prints the report (scripts/bench-report.mjs) — also when a step failed; the
 * exit code is then 1.
 * Usage: node scripts/bench-run.mjs [--node-only [filter…] | --browser-only [filter…]]
 *   filters (file name parts) go to Vitest or Playwright, e.g. `npm run bench:unit -- capture vault`
 */
import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeReport } from './bench-report.mjs';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const bin = (/** @type {string} */ name) => path.join(repo, 'node_modules', '.bin', name);
const args = process.argv.slice(2);
const flags = args.filter((a) => a.startsWith('-'));
const filters = args.filter((a) => !a.startsWith('-'));
if (flags.length > 1 || flags.some((f) => f !== '--node-only' && f !== '--browser-only') || (filters.length > 0 && flags.length === 0)) {
  console.error('Usage: node scripts/bench-run.mjs [--node-only [filter…] | --browser-only [filter…]]');
  process.exit(2);
}
const node = !flags.includes('--browser-only');
const browser = !flags.includes('--node-only');

const startedAt = new Date().toISOString();
const loadAverageStart = os.loadavg();
rmSync(path.join(repo, 'bench', '.figures.jsonl'), { force: true });
rmSync(path.join(repo, 'bench', 'footprint-sizes.json'), { force: true });

/** @type {import('./bench-report.mjs').RunStep[]} */
const steps = [];

/**
 * @param {string} name
 * @param {string} command
 * @param {string[]} commandArgs
 * @param {boolean} wanted
 */
function step(name, command, commandArgs, wanted) {
  const shown = [path.basename(command), ...commandArgs].join(' ');
  if (!wanted) {
    steps.push({ name, command: shown, exitCode: null, seconds: 0, skipped: true });
    return false;
  }
  console.log(`\n=== ${name}: ${shown}\n`);
  const t0 = performance.now();
  const r = spawnSync(command, commandArgs, { cwd: repo, stdio: 'inherit' });
  steps.push({ name, command: shown, exitCode: r.status, seconds: Math.round((performance.now() - t0) / 100) / 10 });
  return r.status === 0;
}

step('vitest benches', bin('vitest'), ['bench', '--run', ...filters], node);
const built = step('build', 'npm', ['run', 'build'], browser);
// Without a fresh build the browser benches would measure an old extension (or none).
step('playwright benches', bin('playwright'), ['test', '-c', 'playwright.bench.config.ts', ...filters], browser && built);
if (browser && !built) console.error('\nBuild failed: Playwright benches not run.');

process.exitCode = writeReport({ benchDir: path.join(repo, 'bench'), startedAt, loadAverageStart, steps });
