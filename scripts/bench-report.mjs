#!/usr/bin/env node
// @ts-check
/**
 * The last step of `npm run bench` (issue 11): reads the figures the benches recorded
 * (bench/.figures.jsonl, contract in bench/figures.ts) and the optional footprint sizes
 * (bench/footprint-sizes.json), writes bench/results.json (machine + every figure with samples,
 * median, in-run baseline, ratio and target status) after keeping the previous one as
 * bench/results.previous.json, and prints one table (plus the sizes table when there are sizes).
 * Usage: node scripts/bench-report.mjs [--dir <bench dir>]   (exit 1 when figures are unreadable or none were recorded)
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  evaluateFigures,
  evaluateFootprint,
  FIGURE_TABLE_ALIGN,
  FIGURE_TABLE_HEADER,
  figureTableRows,
  formatBytes,
  formatRatio,
  formatStatus,
  formatTable,
  machineLine,
  mergeFigures,
  orderByArea,
  parseFigureLines,
} from './bench-stats.mjs';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/**
 * @typedef {{ name: string, command: string, exitCode: number | null, seconds: number, skipped?: boolean }} RunStep
 * @typedef {{ benchDir?: string, startedAt?: string, loadAverageStart?: number[], steps?: RunStep[], log?: (line: string) => void }} ReportOptions
 */

/**
 * @param {string} command
 * @param {string[]} args
 * @param {string} cwd
 * @returns {string | null} stdout, or null when the command failed
 */
function run(command, args, cwd) {
  const r = spawnSync(command, args, { cwd, encoding: 'utf8', timeout: 30_000, stdio: ['ignore', 'pipe', 'pipe'] });
  return r.status === 0 ? r.stdout.trim() : null;
}

function osName() {
  let pretty = '';
  try {
    pretty = /^PRETTY_NAME="?([^"\n]*)"?$/m.exec(readFileSync('/etc/os-release', 'utf8'))?.[1] ?? '';
  } catch {
    // not Linux, or no os-release: the kernel line below is enough
  }
  const kernel = `${os.type()} ${os.release()} ${os.arch()}`;
  return pretty ? `${pretty} (${kernel})` : kernel;
}

/**
 * @param {{ startedAt: string, loadAverageStart: number[], cwd: string }} run0
 * @returns {import('./bench-stats.mjs').Machine}
 */
export function describeMachine({ startedAt, loadAverageStart, cwd }) {
  const cpus = os.cpus();
  const chromiumBin = process.env.SV_CHROMIUM ?? '/usr/bin/chromium';
  const commit = run('git', ['rev-parse', 'HEAD'], cwd);
  // results files change with every run; they do not make the measured code "uncommitted".
  const status = commit ? run('git', ['status', '--porcelain', '--', '.', ':!bench/results.json', ':!bench/results.previous.json'], cwd) : null;
  return {
    cpuModel: cpus[0]?.model.trim() ?? 'unknown',
    cpuCount: cpus.length,
    memoryBytes: os.totalmem(),
    loadAverageStart,
    loadAverageEnd: os.loadavg(),
    node: process.version,
    chromium: run(chromiumBin, ['--version'], cwd)?.split('\n')[0] ?? `unknown (${chromiumBin} --version failed)`,
    os: osName(),
    date: startedAt,
    gitCommit: commit ?? 'unknown',
    gitDirty: status === null ? false : status !== '',
  };
}

/**
 * Pretty JSON with each list of numbers on one line (samples stay readable in a diff).
 * @param {unknown} value
 */
export function stringifyResults(value) {
  return `${JSON.stringify(value, null, 2).replace(/\[\s*(-?[\d.e+-]+(?:,\s*-?[\d.e+-]+)*)\s*\]/g, (_m, nums) => `[${nums.split(/,\s*/).join(', ')}]`)}\n`;
}

/** @param {number | null} x @param {number} digits */
const round = (x, digits) => (x === null ? null : Number(x.toFixed(digits)));

/**
 * Builds, writes and prints the report. Returns 1 when the figures could not all be read, the
 * footprint file is malformed, or nothing was recorded (then results.json is left as it was).
 * @param {ReportOptions} [options]
 * @returns {number} exit code
 */
export function writeReport(options = {}) {
  const log = options.log ?? ((line) => console.log(line));
  const benchDir = path.resolve(options.benchDir ?? path.join(repo, 'bench'));
  const figuresFile = path.join(benchDir, '.figures.jsonl');
  const footprintFile = path.join(benchDir, 'footprint-sizes.json');
  const resultsFile = path.join(benchDir, 'results.json');
  const previousFile = path.join(benchDir, 'results.previous.json');
  /** @type {string[]} */
  const problems = [];

  const text = existsSync(figuresFile) ? readFileSync(figuresFile, 'utf8') : '';
  if (!existsSync(figuresFile)) problems.push(`no figures recorded (${path.relative(process.cwd(), figuresFile)} does not exist)`);
  const parsed = parseFigureLines(text);
  problems.push(...parsed.errors.map((e) => `${path.basename(figuresFile)} ${e}`));
  const merged = mergeFigures(parsed.lines);
  const figures = evaluateFigures(orderByArea(merged.figures));

  /** @type {ReturnType<typeof evaluateFootprint> | null} */
  let footprint = null;
  if (existsSync(footprintFile)) {
    try {
      footprint = evaluateFootprint(JSON.parse(readFileSync(footprintFile, 'utf8')));
    } catch {
      footprint = { files: [], errors: ['footprint sizes: not JSON'] };
    }
    problems.push(...footprint.errors);
  }

  // Run alone (npm run bench:report), the run's date is that of its first figure.
  const firstRecorded = parsed.lines
    .map((l) => l.recordedAt ?? '')
    .filter((t) => t !== '')
    .sort()[0];
  const startedAt = options.startedAt ?? firstRecorded ?? new Date().toISOString();
  const machine = describeMachine({ startedAt, loadAverageStart: options.loadAverageStart ?? os.loadavg(), cwd: benchDir });
  const steps = options.steps ?? [];
  const failedSteps = steps.filter((s) => !s.skipped && s.exitCode !== 0);

  const table = formatTable(FIGURE_TABLE_HEADER, figureTableRows(figures), FIGURE_TABLE_ALIGN);
  log('');
  log(`Machine: ${machineLine(machine)}`);
  if (steps.length > 0) {
    const outcome = (/** @type {RunStep} */ s) => (s.skipped ? 'skipped' : s.exitCode === 0 ? `${s.seconds} s` : `FAILED (exit ${s.exitCode ?? 'signal'}, ${s.seconds} s)`);
    log(`Steps: ${steps.map((s) => `${s.name} ${outcome(s)}`).join(', ')}`);
  }
  log('');
  log(figures.length > 0 ? table : '(no figures)');
  if (footprint && footprint.files.length > 0) {
    log('');
    log(
      formatTable(
        ['file', 'bytes', 'gzip', 'gzip target', 'met', 'baseline bytes', 'ratio'],
        footprint.files.map((f) => [
          f.id,
          formatBytes(f.bytes),
          formatBytes(f.gzipBytes),
          f.targetGzipBytes === undefined ? '' : formatBytes(f.targetGzipBytes),
          formatStatus(f.status),
          f.baselineBytes === undefined ? '' : formatBytes(f.baselineBytes),
          f.baselineBytes === undefined ? '' : formatRatio(f.ratio),
        ]),
        ['left', 'right', 'right', 'right', 'left', 'right', 'right'],
      ),
    );
  }
  const notes = [...figures.flatMap((f) => f.notes.map((n) => `${f.id}: ${n}`)), ...merged.warnings];
  if (notes.length > 0) {
    log('');
    for (const n of notes) log(`note: ${n}`);
  }
  for (const s of failedSteps) problems.push(`${s.name} failed (${s.command}: exit ${s.exitCode ?? 'signal'})`);
  if (problems.length > 0) {
    log('');
    for (const p of problems) log(`problem: ${p}`);
  }

  if (figures.length === 0 && !(footprint && footprint.files.length > 0)) {
    log('');
    log(`Nothing measured: ${path.relative(process.cwd(), resultsFile)} left as it was.`);
    return 1;
  }

  const results = {
    schema: 1,
    machine,
    machineLine: machineLine(machine),
    run: { startedAt: machine.date, finishedAt: new Date().toISOString(), steps, problems },
    figures: figures.map((f) => ({
      id: f.id,
      label: f.label,
      where: f.where,
      runs: f.runs,
      medianMs: round(f.medianMs, 3),
      baselineId: f.baselineId,
      baselineMedianMs: round(f.baselineMedianMs, 3),
      baselineMissing: f.baselineMissing,
      ratio: round(f.ratio, 4),
      target: f.target,
      status: f.status,
      checks: f.checks.map((c) => ({ ...c, value: round(c.value, 4) })),
      notes: f.notes,
      samplesMs: f.samplesMs.map((s) => round(s, 3)),
    })),
    footprint: footprint ? { files: footprint.files } : null,
  };
  const kept = existsSync(resultsFile);
  if (kept) copyFileSync(resultsFile, previousFile);
  writeFileSync(resultsFile, stringifyResults(results));
  log('');
  log(`Wrote ${path.relative(process.cwd(), resultsFile)}${kept ? `; the one before is now ${path.relative(process.cwd(), previousFile)} (npm run bench:compare)` : ''}.`);
  return problems.length > 0 ? 1 : 0;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const dirAt = process.argv.indexOf('--dir');
  process.exitCode = writeReport({ benchDir: dirAt > 0 ? process.argv[dirAt + 1] : undefined });
}
