#!/usr/bin/env node
// @ts-check
/**
 * `npm run bench:compare` (issue 11): the change of every figure between two results files —
 * previous median, current median, change %, and the in-run ratio before and after (the ratio
 * cancels out most of a machine's speed, so it is the fairer comparison across machines or loads).
 * Figures in only one file are listed as new or removed.
 * Usage: node scripts/bench-compare.mjs [previous.json [current.json]]
 *        default: bench/results.previous.json (kept by the last `npm run bench`) against bench/results.json
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  COMPARE_TABLE_ALIGN,
  COMPARE_TABLE_HEADER,
  compareFigures,
  compareFootprint,
  compareTableRows,
  formatBytes,
  formatPercent,
  formatTable,
  machineDifferences,
} from './bench-stats.mjs';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** @param {string} file */
function readResults(file) {
  if (!existsSync(file))
    throw new Error(`${file} does not exist${file.endsWith('results.previous.json') ? ' (npm run bench keeps the previous results there; or name a file)' : ''}`);
  const value = JSON.parse(readFileSync(file, 'utf8'));
  if (!value || !Array.isArray(value.figures)) throw new Error(`${file} is not a bench results file (no "figures")`);
  return value;
}

/**
 * @param {string} previousFile
 * @param {string} currentFile
 * @param {(line: string) => void} [log]
 * @returns {number} exit code
 */
export function compareFiles(previousFile, currentFile, log = (line) => console.log(line)) {
  let previous;
  let current;
  try {
    previous = readResults(previousFile);
    current = readResults(currentFile);
  } catch (err) {
    console.error(err instanceof Error ? err.message : String(err));
    return 1;
  }
  const rel = (/** @type {string} */ f) => path.relative(process.cwd(), f);
  log(`previous: ${rel(previousFile)} — ${previous.machineLine ?? previous.machine?.date ?? '?'}`);
  log(`current:  ${rel(currentFile)} — ${current.machineLine ?? current.machine?.date ?? '?'}`);
  const differences = machineDifferences(previous.machine, current.machine);
  if (differences.length > 0) log(`Different machine or browser (compare ratios rather than times): ${differences.join('; ')}`);
  log('');
  const changes = compareFigures(previous, current);
  log(changes.length > 0 ? formatTable(COMPARE_TABLE_HEADER, compareTableRows(changes), COMPARE_TABLE_ALIGN) : '(no figures in either file)');
  const sizes = compareFootprint(previous, current);
  if (sizes.length > 0) {
    log('');
    log(
      formatTable(
        ['file', 'previous gzip', 'current gzip', 'change', 'note'],
        sizes.map((s) => [
          s.id,
          formatBytes(s.previousGzip),
          formatBytes(s.currentGzip),
          s.change === 'both' ? formatPercent(s.changePct) : '',
          s.change === 'both' ? '' : s.change,
        ]),
        ['left', 'right', 'right', 'right', 'left'],
      ),
    );
  }
  return 0;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const [previousArg, currentArg] = process.argv.slice(2);
  process.exitCode = compareFiles(path.resolve(previousArg ?? path.join(repo, 'bench/results.previous.json')), path.resolve(currentArg ?? path.join(repo, 'bench/results.json')));
}
